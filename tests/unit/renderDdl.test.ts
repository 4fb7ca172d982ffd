import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { renderStatements, splitStatements } from '@/server/db/renderDdl';

const sql = `-- a comment; with a semicolon inside
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS facts {{on_cluster}}
(
    unit_code String,
    received_at DateTime64(3)
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY unit_code;

CREATE TABLE IF NOT EXISTS lookup {{on_cluster}} (code String) ENGINE = MergeTree ORDER BY code;

CREATE MATERIALIZED VIEW IF NOT EXISTS facts_mv {{on_cluster}} TO rollup AS
SELECT unit_code, count() AS n FROM facts GROUP BY unit_code;

CREATE DICTIONARY IF NOT EXISTS d {{on_cluster}} (code String) PRIMARY KEY code
SOURCE(CLICKHOUSE(QUERY 'SELECT code FROM {{db}}.lookup' {{dict_credentials}})) LIFETIME(0) LAYOUT(HASHED());
`;

describe('splitStatements', () => {
  it('splits on line-ending semicolons and drops comment-only chunks', () => {
    expect(splitStatements(sql)).toHaveLength(4);
    expect(splitStatements('-- only a comment;\n')).toHaveLength(0);
  });
});

describe('renderStatements', () => {
  it('single node: strips placeholders, keeps engines', () => {
    const { statements } = renderStatements(sql, { database: 'csm' });
    expect(statements).toHaveLength(4);
    expect(statements.join('\n')).not.toMatch(/\{\{|ON CLUSTER|Replicated|Distributed/);
    expect(statements[3]).toContain("FROM csm.lookup'");
  });

  it('cluster: ON CLUSTER, Replicated engines, a Distributed table over the sharded local table, views on locals', () => {
    const { statements } = renderStatements(sql, {
      database: 'csm',
      cluster: 'prod',
      dictionaryUser: { user: 'app', password: "p'w" },
    });
    expect(statements).toHaveLength(5);
    const [local, dist, lookup, view, dict] = statements;
    expect(local).toContain('CREATE TABLE IF NOT EXISTS facts_local ON CLUSTER prod');
    expect(local).toContain(
      "ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/facts_local', '{replica}', received_at)",
    );
    expect(dist).toBe(
      'CREATE TABLE IF NOT EXISTS facts ON CLUSTER prod AS facts_local\n' +
        'ENGINE = Distributed(prod, csm, facts_local, cityHash64(unit_code))',
    );
    expect(lookup).toContain("ENGINE = ReplicatedMergeTree('/clickhouse/tables/{shard}/{database}/lookup', '{replica}')");
    expect(view).toContain('FROM facts_local');
    expect(view).toContain('ON CLUSTER prod');
    expect(dict).toContain("USER 'app' PASSWORD 'p\\'w'");
  });

  it('renders every shipped migration for a cluster without leftover placeholders', () => {
    const dir = 'clickhouse/migrations';
    let sharded = new Map<string, string>();
    for (const file of readdirSync(dir).sort()) {
      const rendered = renderStatements(readFileSync(`${dir}/${file}`, 'utf8'), { database: 'csm', cluster: 'c' }, sharded);
      sharded = rendered.sharded;
      for (const s of rendered.statements) {
        expect(s).not.toMatch(/\{\{/);
        if (/^CREATE (TABLE|MATERIALIZED VIEW|DICTIONARY)/m.test(s)) expect(s).toContain('ON CLUSTER c');
        if (/ENGINE = \w*MergeTree/.test(s)) expect(s).toMatch(/ENGINE = Replicated\w*MergeTree\('/);
      }
    }
    const staging = renderStatements(readFileSync(`${dir}/008_ingest_staging.sql`, 'utf8'), { database: 'csm', cluster: 'c' }, sharded);
    expect(staging.statements.some((st) => st.includes('ALTER TABLE records_local ON CLUSTER c MODIFY SETTING fsync_after_insert'))).toBe(true);
    expect(staging.statements.some((st) => st.includes('ALTER TABLE ingest_batches ON CLUSTER c ADD COLUMN'))).toBe(true);
    const inspection = renderStatements(readFileSync(`${dir}/011_inspection.sql`, 'utf8'), { database: 'csm', cluster: 'c' }, sharded);
    // A new column of a sharded table goes to the shards' tables and to the Distributed table over them.
    expect(inspection.statements.filter((st) => /^ALTER TABLE rejected_rows(_local)? ON CLUSTER c ADD COLUMN IF NOT EXISTS row_key/m.test(st))).toHaveLength(2);
    // A column added to a sharded table reaches both the local tables and the Distributed table over them.
    const cube = renderStatements(readFileSync(`${dir}/010_sanctions_cube.sql`, 'utf8'), { database: 'csm', cluster: 'c' }, sharded);
    expect(cube.statements.filter((st) => /ALTER TABLE sanction_pushes(_local)? ON CLUSTER c ADD COLUMN IF NOT EXISTS inserts/.test(st))).toHaveLength(2);
    expect(cube.statements.filter((st) => st.includes('ADD PROJECTION')).map((st) => /ALTER TABLE (\w+)/.exec(st)?.[1])).toEqual(['sanction_pushes_local']);
    expect([...sharded.keys()]).toEqual(
      expect.arrayContaining(['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback', 'ingest_daily']),
    );
  });
});
