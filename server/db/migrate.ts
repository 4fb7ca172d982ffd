import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { env } from '../env';
import { shanghaiTimestamp } from '../clock';
import { getClickHouse } from './client';
import { renderStatements, type RenderTarget } from './renderDdl';
import { queryRows, runCommand } from './query';

export const MIGRATIONS_DIR = path.resolve(process.cwd(), 'clickhouse/migrations');

export type MigrationFile = { version: number; name: string; sql: string; checksum: string };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => {
      const sql = await readFile(path.join(dir, file), 'utf8');
      return {
        version: Number(file.slice(0, 3)),
        name: file,
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    }),
  );
}

export async function renderTarget(): Promise<RenderTarget> {
  const e = env();
  const { database, mode } = await getClickHouse();
  return {
    database,
    cluster: e.CLICKHOUSE_CLUSTER,
    dictionaryUser:
      mode === 'http' && e.CLICKHOUSE_PASSWORD !== ''
        ? { user: e.CLICKHOUSE_USER, password: e.CLICKHOUSE_PASSWORD }
        : undefined,
  };
}

const appliedRow = z.object({ version: z.number(), name: z.string(), checksum: z.string() });

/**
 * Apply every migration not yet recorded in schema_migrations, in order. Idempotent: statements use IF NOT EXISTS
 * and a file is recorded only after all its statements ran, so an interrupted run simply resumes.
 */
export async function migrate(log: (line: string) => void = () => {}): Promise<{ applied: string[] }> {
  const target = await renderTarget();
  const onCluster = target.cluster ? `ON CLUSTER ${target.cluster}` : '';
  const engine = target.cluster
    ? `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/schema_migrations', '{replica}', applied_at)`
    : 'ReplacingMergeTree(applied_at)';
  await runCommand(
    `CREATE TABLE IF NOT EXISTS schema_migrations ${onCluster}
     (version UInt32, name String, checksum String, applied_at DateTime64(3, 'Asia/Shanghai'))
     ENGINE = ${engine} ORDER BY version`,
  );
  const applied = await queryRows(
    'SELECT version, name, checksum FROM schema_migrations FINAL ORDER BY version',
    {},
    appliedRow,
  );
  const byVersion = new Map(applied.map((a) => [a.version, a]));
  const done: string[] = [];
  let sharded = new Map<string, string>();
  for (const m of await readMigrations()) {
    const rendered = renderStatements(m.sql, target, sharded);
    sharded = rendered.sharded;
    const previous = byVersion.get(m.version);
    if (previous) {
      if (previous.checksum !== m.checksum) {
        log(`warning: ${m.name} changed after it was applied; write a new migration instead of editing an applied one`);
      }
      continue;
    }
    for (const statement of rendered.statements) await runCommand(statement);
    await runCommand(
      `INSERT INTO schema_migrations (version, name, checksum, applied_at)
       VALUES ({version:UInt32}, {name:String}, {checksum:String}, {appliedAt:DateTime64(3, 'Asia/Shanghai')})`,
      { version: m.version, name: m.name, checksum: m.checksum, appliedAt: shanghaiTimestamp() },
    );
    log(`applied ${m.name} (${rendered.statements.length} statements)`);
    done.push(m.name);
  }
  return { applied: done };
}
