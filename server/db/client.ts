import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { env } from '../env';

export type ClickHouseMode = 'embedded' | 'http';

/**
 * Embedded only: hands a JSONCompactEachRow buffer (one JSON array of values per line, in `columns` order) straight
 * to chDB's parser; the generic path would re-parse the whole payload as SQL text.
 */
export type RawJsonInsert = (table: string, columns: readonly string[], body: Buffer) => Promise<void>;

type DbState = {
  client: ClickHouseClient;
  mode: ClickHouseMode;
  database: string;
  ready: Promise<void>;
  rawJsonInsert?: RawJsonInsert;
};

// Next.js dev reloads modules; keep one instance per process on globalThis (chdb allows one data directory per process).
const globalForDb = globalThis as unknown as { __csmDb?: DbState };

/** Settings both modes share: plain numbers in JSON, dates computed in the city's time zone. */
const SHARED_SETTINGS = {
  output_format_json_quote_64bit_integers: 0,
  session_timezone: 'Asia/Shanghai',
  date_time_input_format: 'best_effort',
} as const;

async function openEmbedded(path: string, db: string): Promise<DbState> {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path, { recursive: true });
  const { createChdbConnection } = await import('chdb/connection');
  const connection = createChdbConnection({ path });
  const client = createClient({
    // chdb types the Connection against @clickhouse/client-common, the client against its bundled copy: same shape.
    connection: connection as unknown as NonNullable<Parameters<typeof createClient>[0]>['connection'],
    clickhouse_settings: SHARED_SETTINGS,
  });
  // chdb keeps one session per path: `USE` makes the configured database the default for every later query.
  const ready = (async () => {
    await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}` });
    await client.command({ query: `USE ${db}` });
  })();
  const rawJsonInsert: RawJsonInsert = async (table, columns, body) => {
    await connection.chdb.rawInsert({ table: `${db}.${table}`, columns, values: body, format: 'JSONCompactEachRow' });
  };
  return { client, mode: 'embedded', database: db, ready, rawJsonInsert };
}

function openHttp(url: string, db: string): DbState {
  const e = env();
  const client = createClient({
    url,
    username: e.CLICKHOUSE_USER,
    password: e.CLICKHOUSE_PASSWORD,
    database: db,
    clickhouse_settings: SHARED_SETTINGS,
    request_timeout: 120_000,
  });
  const ready = (async () => {
    // The database must exist before queries that default to it; ask through a client bound to `default`.
    const admin = createClient({ url, username: e.CLICKHOUSE_USER, password: e.CLICKHOUSE_PASSWORD });
    const onCluster = e.CLICKHOUSE_CLUSTER ? ` ON CLUSTER ${e.CLICKHOUSE_CLUSTER}` : '';
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${db}${onCluster}` });
    await admin.close();
  })();
  return { client, mode: 'http', database: db, ready };
}

let opening: Promise<DbState> | undefined;

async function state(): Promise<DbState> {
  if (globalForDb.__csmDb) return globalForDb.__csmDb;
  opening ??= (async () => {
    const e = env();
    const s = e.CLICKHOUSE_URL
      ? openHttp(e.CLICKHOUSE_URL, e.CLICKHOUSE_DATABASE)
      : await openEmbedded(e.CLICKHOUSE_PATH, e.CLICKHOUSE_DATABASE);
    await s.ready;
    globalForDb.__csmDb = s;
    installShutdownHook();
    return s;
  })();
  try {
    return await opening;
  } finally {
    opening = undefined;
  }
}

/** The one ClickHouse client of this process, embedded chDB unless CLICKHOUSE_URL is set. */
export async function getClickHouse(): Promise<{
  client: ClickHouseClient;
  mode: ClickHouseMode;
  database: string;
  rawJsonInsert?: RawJsonInsert;
}> {
  const s = await state();
  return { client: s.client, mode: s.mode, database: s.database, rawJsonInsert: s.rawJsonInsert };
}

export async function closeClickHouse(): Promise<void> {
  const s = globalForDb.__csmDb;
  if (!s) return;
  globalForDb.__csmDb = undefined;
  await s.client.close();
  if (s.mode === 'embedded') {
    // The engine may still be finishing work after close(); wait so another process (or path) can open the directory.
    const chdb = (await import('chdb')) as unknown as { drainPending?: () => Promise<void> };
    await chdb.drainPending?.();
  }
}

let hookInstalled = false;
function installShutdownHook(): void {
  if (hookInstalled) return;
  hookInstalled = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void closeClickHouse().finally(() => process.exit(0));
    });
  }
}
