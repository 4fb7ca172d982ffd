/**
 * Versioned builds of precomputed cubes: the one mechanism behind the double-publicity cube (publicity/cube.ts) and
 * the joint-sanctions cube and case index (sanctions/cube.ts).
 *
 * A cube is derived from a rollup whose rows carry a per-unit data version (rows ever received, summed by an
 * aggregate projection, committed in the same part as the data it counts). A build of a unit records the data version
 * it read and a hash of every other input it used (what the calendar dictionaries serve, plus whatever the cube adds,
 * e.g. the measures' feedback days); the build is current while both still match. Readers take the current build of
 * each clean unit and compute dirty units live, so every figure is exact whatever the state of the cube; a refresh only
 * makes the next answer faster. Versions are read before the data a build reads, so a build never holds less than it
 * claims: a unit that received data meanwhile simply looks dirty again.
 */
import { TupleParam } from '@clickhouse/client';
import { z } from 'zod';
import { env } from '../env';
import { shanghaiTimestamp } from '../clock';
import { queryOne, queryRows, runCommand } from '../db/query';

/** A hash of what both calendar dictionaries serve right now: changes with any rebuild or admin override. */
export const CALENDAR_HASH_SQL = `cityHash64(
    (SELECT groupBitXor(cityHash64(date, is_workday, workday_no, known)) FROM dictionary('calendar_by_date')),
    (SELECT groupBitXor(cityHash64(workday_no, date, known)) FROM dictionary('workday_by_number'))) % 4503599627370496`;

export async function calendarHash(): Promise<number> {
  const row = await queryOne(`-- cube: calendar hash\n SELECT ${CALENDAR_HASH_SQL} AS h`, {}, z.object({ h: z.number() }));
  return row.h;
}

export type UnitVersion = { unit: string; districts: string[]; dataVersion: number };

/** (district, unit) key prefixes of units: exact primary-key ranges of a rollup ordered by (district, unit, …). */
export const unitKeys = (units: readonly UnitVersion[]) =>
  units.flatMap((u) => u.districts.map((d) => new TupleParam([d, u.unit])));

export type CubeSpec = {
  /** For logs and query names. */
  label: string;
  /** Rows (unit_code String, districts Array(String), v UInt64): the data version of every unit with data. */
  versionsSql: string;
  /** (unit_code, build_seq, data_version, calendar_hash, cells, built_at): one row per unit and finished build. */
  buildsTable: string;
  /** The tables a build writes (column build_seq; `unitColumn` when rows belong to one unit's build). */
  tables: ReadonlyArray<{ name: string; unitColumn?: string }>;
  /**
   * Inputs besides the data, read in the state's round trip: `select` names SQL scalars (e.g. reference arrays),
   * `schema` parses them. They are handed to build() and to the readers, and hashed with the calendar, so a build, its
   * recorded hash and the readers' live part all use the same values.
   */
  inputs?: { select: string; columns: readonly string[]; schema: z.ZodType<Record<string, unknown>> };
  /** false for a cube that does not depend on the calendar (default true). */
  calendar?: boolean;
  /**
   * 'unit': each dirty unit gets its own build (build numbers base, base + 1, …, in batch order), units batched up to
   * batchRows of data version; 'all': one build of every unit at once (all recorded with the one number `base`),
   * for cubes whose rows span units.
   */
  granularity: 'unit' | 'all';
  batchRows: number;
  build: (batch: UnitVersion[], base: number, inputs: Record<string, unknown>) => Promise<void>;
};

/** The hash recorded with a build: the calendar and the spec's inputs (by their column names). */
function inputsHashSql(spec: CubeSpec): string {
  const calendar = spec.calendar === false ? 'toUInt64(0)' : CALENDAR_HASH_SQL;
  return spec.inputs ? `cityHash64(${calendar}, ${spec.inputs.columns.join(', ')}) % 4503599627370496` : calendar;
}
const inputsSelect = (spec: CubeSpec) => (spec.inputs ? `${spec.inputs.select}, ` : '');

export type UnitStates = {
  inputsHash: number;
  /** The spec's inputs as read with the state ({} without inputs). */
  inputs: Record<string, unknown>;
  /** Units whose current build can be read, with that build's number. */
  clean: Array<[unit: string, buildSeq: number]>;
  /** Units to compute live, with their data version and the districts their rows carry (for key ranges). */
  dirty: UnitVersion[];
};

const stateRow = z.looseObject({
  unit: z.string(),
  districts: z.array(z.string()),
  dataVersion: z.number(),
  buildSeq: z.number(),
  builtVersion: z.number(),
  builtHash: z.number(),
  inputsHash: z.number(),
});

/**
 * Which units can be read from the cube and which must be computed live, in one round trip. `extra` adds scalar
 * columns the caller needs anyway (computed once, parsed by its schema from the first row), `params` their parameters.
 */
export async function readUnitStates<S extends z.ZodType>(
  spec: CubeSpec,
  opts: { extra?: { select: string; schema: S }; params?: Record<string, unknown> } = {},
): Promise<UnitStates & { extra: z.output<S> | undefined }> {
  const rows = await queryRows(
    `-- ${spec.label}: cube state per unit
     SELECT cur.unit_code AS unit, cur.districts AS districts, cur.v AS dataVersion,
            b.seq AS buildSeq, b.ver AS builtVersion, b.cal AS builtHash, ${inputsSelect(spec)}${inputsHashSql(spec)} AS inputsHash
            ${opts.extra ? `, ${opts.extra.select}` : ''}
     FROM (${spec.versionsSql}
           UNION ALL SELECT '' AS unit_code, [] AS districts, toUInt64(0) AS v) AS cur
     LEFT JOIN (
       SELECT unit_code, max(build_seq) AS seq, argMax(data_version, build_seq) AS ver, argMax(calendar_hash, build_seq) AS cal
       FROM ${spec.buildsTable} GROUP BY unit_code
     ) AS b ON b.unit_code = cur.unit_code`,
    opts.params ?? {},
    stateRow,
  );
  let clean: UnitStates['clean'] = [];
  const dirty: UnitStates['dirty'] = [];
  let hash = 0;
  for (const r of rows) {
    hash = r.inputsHash;
    if (r.unit === '') continue; // the row that is always there, so the scalars arrive even from an empty store
    if (r.buildSeq > 0 && r.builtVersion === r.dataVersion && r.builtHash === hash) clean.push([r.unit, r.buildSeq]);
    else dirty.push({ unit: r.unit, districts: r.districts, dataVersion: r.dataVersion });
  }
  if (spec.granularity === 'all' && clean.length > 0) {
    // One build serves every clean unit: the latest; a unit last built earlier is computed live.
    const top = Math.max(...clean.map(([, s]) => s));
    const older = new Set(clean.filter(([, s]) => s !== top).map(([u]) => u));
    for (const r of rows) if (older.has(r.unit)) dirty.push({ unit: r.unit, districts: r.districts, dataVersion: r.dataVersion });
    clean = clean.filter(([, s]) => s === top);
  }
  const first = rows[0];
  return {
    inputsHash: hash,
    inputs: spec.inputs && first ? spec.inputs.schema.parse(first) : {},
    clean,
    dirty,
    extra: opts.extra && first ? opts.extra.schema.parse(first) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Building

let lastSeq = 0;
/**
 * Reserve `n` build numbers: microseconds since the epoch (JSON-safe), strictly increasing within the process; each
 * unit of a per-unit batch gets its own (base + its position), so a number identifies one build of one unit.
 * An ordering id, not a "now": it stays on the system clock, so builds of every process order as they ran whatever
 * the product's clock is pinned to (see server/clock.ts).
 */
function reserveSeqs(n: number): number {
  const base = Math.max(lastSeq + 1, Date.now() * 1000);
  lastSeq = base + n;
  return base;
}

async function currentVersions(spec: CubeSpec, units: string[]): Promise<UnitVersion[]> {
  if (units.length === 0) return [];
  return queryRows(
    `-- ${spec.label}: data versions of units
     SELECT unit_code AS unit, districts, v AS dataVersion FROM (${spec.versionsSql}) WHERE unit_code IN {units:Array(String)}`,
    { units },
    z.object({ unit: z.string(), districts: z.array(z.string()), dataVersion: z.number() }),
  );
}

/**
 * Rebuild every unit whose build is not current (or every unit: `force`; every unit whenever one is dirty for an
 * 'all' cube), then record the builds. Builds are recorded only if the inputs did not change while they ran; a unit
 * that received data meanwhile stays dirty (its version moved on) and is rebuilt next time. Safe to run
 * concurrently with ingestion and with other refreshes.
 */
export async function refreshCube(spec: CubeSpec, opts: { force?: boolean } = {}): Promise<{ units: number; seconds: number }> {
  const started = performance.now();
  const state = await readUnitStates(spec);
  const everything = opts.force || (spec.granularity === 'all' && state.dirty.length > 0);
  const todo = everything ? [...state.dirty, ...(await currentVersions(spec, state.clean.map(([u]) => u)))] : state.dirty;
  if (todo.length === 0) return { units: 0, seconds: 0 };
  const batches: UnitVersion[][] = [];
  if (spec.granularity === 'all') batches.push(todo);
  else {
    let current: UnitVersion[] = [];
    let rows = 0;
    for (const u of todo) {
      if (current.length > 0 && rows + u.dataVersion > spec.batchRows) {
        batches.push(current);
        current = [];
        rows = 0;
      }
      current.push(u);
      rows += u.dataVersion;
    }
    if (current.length) batches.push(current);
  }

  const builds: TupleParam[] = [];
  for (const batch of batches) {
    const base = reserveSeqs(spec.granularity === 'all' ? 1 : batch.length);
    await spec.build(batch, base, state.inputs);
    batch.forEach((u, i) => {
      builds.push(new TupleParam([u.unit, spec.granularity === 'all' ? base : base + i, u.dataVersion, state.inputsHash]));
    });
  }
  const now = await queryOne(
    `-- ${spec.label}: inputs hash\n SELECT ${inputsSelect(spec)}${inputsHashSql(spec)} AS h`,
    {},
    z.looseObject({ h: z.number() }),
  );
  if (now.h !== state.inputsHash) return { units: 0, seconds: (performance.now() - started) / 1000 };
  await runCommand(
    `-- ${spec.label}: record cube builds
     INSERT INTO ${spec.buildsTable} (unit_code, build_seq, data_version, calendar_hash, cells, built_at)
     SELECT tupleElement(b, 1), tupleElement(b, 2), tupleElement(b, 3), tupleElement(b, 4), 0, {builtAt:DateTime64(3, 'Asia/Shanghai')}
     FROM (SELECT arrayJoin({builds:Array(Tuple(String, UInt64, UInt64, UInt64))}) AS b)
     SETTINGS distributed_foreground_insert = 1`,
    { builds, builtAt: shanghaiTimestamp() },
  );
  return { units: todo.length, seconds: (performance.now() - started) / 1000 };
}

/**
 * Delete rows and build records superseded by a build that started more than a minute ago: any query that could
 * still be reading them (it read the state before that build was recorded) finished long since. Rows of a build that
 * was never recorded (its inputs changed while it ran) go too once a later build of their unit is recorded.
 */
export async function cleanupCube(spec: CubeSpec, opts: { graceMs?: number } = {}): Promise<{ deleted: number }> {
  const cluster = env().CLICKHOUSE_CLUSTER;
  // Lightweight deletes address the local tables on a cluster (a Distributed table takes none).
  const target = (t: string) => (cluster ? `${t}_local ON CLUSTER ${cluster}` : t);
  const anchors = `(SELECT unit_code, max(build_seq) AS anchor FROM ${spec.buildsTable}
                    WHERE build_seq < {before:UInt64} GROUP BY unit_code)`;
  const params = { before: (Date.now() - (opts.graceMs ?? 60_000)) * 1000 };
  // Rows of one unit's build: superseded once that unit has a later build; rows of an all-units build: once every
  // unit has a later one.
  const superseded = (t: { name: string; unitColumn?: string }) =>
    t.unitColumn
      ? `(${t.unitColumn}, build_seq) IN (
           SELECT x.u, x.build_seq FROM (SELECT DISTINCT ${t.unitColumn} AS u, build_seq FROM ${t.name}) AS x
           INNER JOIN ${anchors} AS a ON a.unit_code = x.u
           WHERE x.build_seq < a.anchor)`
      : `build_seq < (SELECT min(anchor) FROM ${anchors})`;
  const first = spec.tables[0]!;
  const { n } = await queryOne(
    `-- ${spec.label}: superseded cube rows
     SELECT count() AS n FROM ${first.name} WHERE ${superseded(first)}`,
    params,
    z.object({ n: z.number() }),
  );
  if (n === 0) return { deleted: 0 };
  for (const t of [...spec.tables, { name: spec.buildsTable, unitColumn: 'unit_code' }]) {
    await runCommand(`-- ${spec.label}: delete superseded ${t.name}\n DELETE FROM ${target(t.name)} WHERE ${superseded(t)}`, params);
  }
  return { deleted: n };
}

// ---------------------------------------------------------------------------------------------------------
// Background refresh after a query found dirty units

const MIN_INTERVAL_MS = 30_000;
const CLEANUP_INTERVAL_MS = 5 * 60_000;

/**
 * The background refresh of one cube: started by a query that found dirty units, unless one is running or ran within
 * the last 30 s; cleans up superseded builds every 5 minutes. Never throws (figures stay exact, computed live).
 */
export function cubeRefresher(label: string, refresh: () => Promise<unknown>, cleanup: () => Promise<unknown>) {
  let auto = true;
  let running: Promise<void> | null = null;
  let lastRun = 0;
  let lastCleanup = 0;
  return {
    /** Tests and benchmarks control refreshes themselves. */
    setAuto(enabled: boolean): void {
      auto = enabled;
    },
    schedule(needed: boolean): void {
      if (!auto || !needed || running || Date.now() - lastRun < MIN_INTERVAL_MS) return;
      lastRun = Date.now();
      running = (async () => {
        try {
          await refresh();
          if (Date.now() - lastCleanup > CLEANUP_INTERVAL_MS) {
            lastCleanup = Date.now();
            await cleanup();
          }
        } catch (error) {
          console.error(`[${label}] cube refresh failed (figures stay exact, computed live):`, error);
        } finally {
          running = null;
          lastRun = Date.now();
        }
      })();
    },
  };
}
