/**
 * Renders one migration file for a deployment: a single node (embedded chDB or one server) or a cluster.
 * Migrations are written once, for a single node, with two placeholders: {{on_cluster}} and {{db}}.
 * On a cluster every *MergeTree becomes Replicated*MergeTree; tables marked `-- @shard_by <expr>` are
 * additionally split into `<name>_local` (the replicated shard) plus `<name>` (a Distributed table over them),
 * and materialized views read from and write to the local tables so each shard aggregates its own rows.
 */
export type RenderTarget = {
  database: string;
  cluster?: string;
  /** Credentials a dictionary needs to read its source table on a password-protected server. */
  dictionaryUser?: { user: string; password: string };
};

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Split SQL text into statements on semicolons that end a line (our migrations never put one inside a literal). */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;[ \t]*(?:\r?\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.split('\n').some((line) => line.trim() !== '' && !line.trim().startsWith('--')));
}

function shardedTables(statements: string[]): Map<string, string> {
  const sharded = new Map<string, string>();
  for (const s of statements) {
    const table = /CREATE TABLE IF NOT EXISTS (\w+)/.exec(s)?.[1];
    const shardBy = /--\s*@shard_by\s+(.+)$/m.exec(s)?.[1];
    if (table && shardBy) sharded.set(table, shardBy.trim());
  }
  return sharded;
}

function replicated(statement: string, table: string): string {
  const path = `'/clickhouse/tables/{shard}/{database}/${table}', '{replica}'`;
  return statement.replace(/ENGINE\s*=\s*(\w*)MergeTree(?:\(([^)]*)\))?/, (_m, variant: string, args?: string) => {
    const rest = args && args.trim() !== '' ? `, ${args.trim()}` : '';
    return `ENGINE = Replicated${variant}MergeTree(${path}${rest})`;
  });
}

/** Render statements for the target; `knownSharded` carries @shard_by marks from earlier migrations. */
export function renderStatements(
  sql: string,
  target: RenderTarget,
  knownSharded: Map<string, string> = new Map(),
): { statements: string[]; sharded: Map<string, string> } {
  const statements = splitStatements(sql);
  const sharded = new Map([...knownSharded, ...shardedTables(statements)]);
  const onCluster = target.cluster ? `ON CLUSTER ${target.cluster}` : '';
  const credentials = target.dictionaryUser
    ? `USER ${quote(target.dictionaryUser.user)} PASSWORD ${quote(target.dictionaryUser.password)}`
    : '';
  const out: string[] = [];
  for (const raw of statements) {
    let s = raw
      .replaceAll('{{on_cluster}}', onCluster)
      .replaceAll('{{db}}', target.database)
      .replaceAll('{{dict_credentials}}', credentials);
    if (!target.cluster) {
      out.push(s);
      continue;
    }
    const altered = /^ALTER TABLE (\w+)/m.exec(s)?.[1];
    if (altered && sharded.has(altered)) {
      // Settings, projections and columns belong to the shards' local tables, not to the Distributed table over them;
      // a column change must also reach the Distributed table, which copied the columns when it was created.
      out.push(s.replace(`ALTER TABLE ${altered}`, `ALTER TABLE ${altered}_local`));
      if (/\b(ADD|DROP|MODIFY|RENAME) COLUMN\b/.test(s)) out.push(s);
      continue;
    }
    const table = /CREATE TABLE IF NOT EXISTS (\w+)/.exec(s)?.[1];
    const isView = /CREATE MATERIALIZED VIEW/.test(s);
    if (isView) {
      // Views on a sharded table run on each shard: point them at the local tables.
      for (const name of sharded.keys()) s = s.replace(new RegExp(`\\b(TO|FROM)\\s+${name}\\b`, 'g'), `$1 ${name}_local`);
      out.push(s);
      continue;
    }
    if (table && sharded.has(table)) {
      const local = `${table}_local`;
      out.push(replicated(s.replace(`CREATE TABLE IF NOT EXISTS ${table}`, `CREATE TABLE IF NOT EXISTS ${local}`), local));
      out.push(
        `CREATE TABLE IF NOT EXISTS ${table} ${onCluster} AS ${local}\n` +
          `ENGINE = Distributed(${target.cluster}, ${target.database}, ${local}, ${sharded.get(table)})`,
      );
      continue;
    }
    out.push(table ? replicated(s, table) : s);
  }
  return { statements: out, sharded };
}
