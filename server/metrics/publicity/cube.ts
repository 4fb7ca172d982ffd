/**
 * The precomputed levels of double publicity (clickhouse/migrations/006_publicity.sql) and how queries read them.
 *
 *   publicity_decisions  one row per decision (kept by materialized views): the truth, used by item lists and for
 *                        units whose cube is not current;
 *   publicity_cube       per unit, kind and decision date: the deadline and calendar flag (computed once through the
 *                        calendar dictionaries), the counts on time / late / unpublished once every publication so far
 *                        is counted, and the publications themselves (date, delay, count) so that an earlier asOf can
 *                        take back what was published after it. ~250k rows at any scale (units × kinds × days);
 *   publicity_exceptions per unit build, the decisions not published on time (late or unpublished) with the same
 *                        computed columns: the overdue / late / due-soon lists read it.
 *
 * A unit's cube build is current when the unit's data version (rows ever received, from the projection
 * unit_versions, committed in the same part as the data) and the calendar hash (what the two dictionaries serve right
 * now) both equal what the build recorded. The sources below read the current rows of clean units and compute dirty
 * units live, so every figure is exact whatever the state of the cube; a refresh only makes the next answer faster.
 */
import { TupleParam } from '@clickhouse/client';
import { z } from 'zod';
import { calendarKnownSql } from '../../calendar/sql';
import { env } from '../../env';
import { queryOne, queryRows, runCommand } from '../../db/query';
import { deadlineSql, delaySql, knownSql, PUBLICITY_WORKDAYS, statusSql } from './timeliness';

// ---------------------------------------------------------------------------------------------------------
// One decision, from publicity_decisions FINAL

/**
 * Per decision: the decision date (the register's when registered, else the publication's: the register comes from
 * the approval and case systems and is the authority on when a decision was made), the publication date (Asia/Shanghai
 * date of the earliest accepted receipt of the publication), and the calendar half of the status.
 *
 * A subquery of publicity_decisions FINAL rows matching `where` (raw columns) with the columns district_code,
 * unit_code, kind, doc_no, is_registered, is_published, decision_date, publication_date, deadline, delay, known.
 * Built in layers so that each expression refers to the previous layer's columns: written as aliases of one SELECT,
 * the analyzer would inline the deadline expression into every use and spend more time analysing than reading.
 */
export const decisionsFrom = (where: string) => `(
      SELECT d1.*, toInt32(if(is_published = 1, ${delaySql('decision_date', 'publication_date')}, 0)) AS delay,
             ${knownSql('decision_date', 'deadline', 'is_published', 'publication_date')} AS known
      FROM (
        SELECT d0.*, ${deadlineSql('decision_date', String(PUBLICITY_WORKDAYS))} AS deadline
        FROM (
          SELECT district_code, unit_code, kind, doc_no, toUInt8(registered) AS is_registered, toUInt8(published) AS is_published,
                 if(registered = 1, tupleElement(register_version, 'decision_date'),
                                    tupleElement(publication_version, 'decision_date')) AS decision_date,
                 if(published = 1, toDate(assumeNotNull(first_published_at)), toDate(0)) AS publication_date
          FROM publicity_decisions FINAL
          WHERE ${where}
        ) AS d0
      ) AS d1)`;

// ---------------------------------------------------------------------------------------------------------
// Versions and state

/** A hash of what both calendar dictionaries serve right now: changes with any rebuild or admin override. */
const CALENDAR_HASH_SQL = `cityHash64(
    (SELECT groupBitXor(cityHash64(date, is_workday, workday_no, known)) FROM dictionary('calendar_by_date')),
    (SELECT groupBitXor(cityHash64(workday_no, date, known)) FROM dictionary('workday_by_number'))) % 4503599627370496`;

export async function calendarHash(): Promise<number> {
  const row = await queryOne(`-- publicity: calendar hash\n SELECT ${CALENDAR_HASH_SQL} AS h`, {}, z.object({ h: z.number() }));
  return row.h;
}

const stateRow = z.object({
  unit: z.string(),
  districts: z.array(z.string()),
  dataVersion: z.number(),
  buildSeq: z.number(),
  builtVersion: z.number(),
  builtCalendar: z.number(),
  calendarHash: z.number(),
  datesKnown: z.number(),
  horizon: z.string(),
});

export type CubeState = {
  calendarHash: number;
  /** Whether the calendar knows the dates asked about (from, to, asOf), when given. */
  datesKnown: boolean;
  /** addWorkdays(asOf, 2): the early-warning horizon, when dates are given. */
  warningHorizon: string;
  /** Units whose current build can be read, with that build (build numbers are unique per unit and build). */
  clean: Array<[unit: string, buildSeq: number]>;
  /** Units to compute live, with their data version and the districts their rows carry (for key ranges). */
  dirty: UnitVersion[];
};

export type UnitVersion = { unit: string; districts: string[]; dataVersion: number };

/** (district, unit) key prefixes of units: exact primary-key ranges of publicity_decisions. */
export const unitKeys = (units: readonly UnitVersion[]) =>
  units.flatMap((u) => u.districts.map((d) => new TupleParam([d, u.unit])));

/** Data versions per unit, from the projection unit_versions (never reads the rows themselves). */
const VERSIONS_SQL = `
  SELECT unit_code, groupUniqArray(district_code) AS districts, sum(v) AS v
  FROM (SELECT district_code, unit_code, sum(inserts) AS v FROM publicity_decisions GROUP BY district_code, unit_code)
  GROUP BY unit_code`;

const inFlight = new Map<string, Promise<CubeState>>();

/**
 * Which units can be read from the cube and which must be computed live, in one round trip; also whether the
 * calendar knows the request's own dates (from, to, asOf). Calls made while the same question is in flight share its
 * answer (a dashboard asks for eight figures at once); nothing is kept once it is answered.
 */
export function cubeState(dates?: { from: string; to: string; asOf: string }): Promise<CubeState> {
  const d = dates ?? { from: '2020-01-01', to: '2020-01-01', asOf: '2020-01-01' };
  const key = `${d.from}|${d.to}|${d.asOf}`;
  let p = inFlight.get(key);
  if (!p) {
    p = readCubeState(d).finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}

async function readCubeState(d: { from: string; to: string; asOf: string }): Promise<CubeState> {
  const datesKnown = `toUInt8(${calendarKnownSql('{from:Date}')} AND ${calendarKnownSql('{to:Date}')} AND ${calendarKnownSql('{asOf:Date}')})`;
  const rows = await queryRows(
    `-- publicity: cube state per unit
     SELECT cur.unit_code AS unit, cur.districts AS districts, cur.v AS dataVersion,
            b.seq AS buildSeq, b.ver AS builtVersion, b.cal AS builtCalendar,
            ${CALENDAR_HASH_SQL} AS calendarHash, ${datesKnown} AS datesKnown,
            toString(${deadlineSql('{asOf:Date}', '2')}) AS horizon
     FROM (${VERSIONS_SQL}
           UNION ALL SELECT '' AS unit_code, [] AS districts, toUInt64(0) AS v) AS cur
     LEFT JOIN (
       SELECT unit_code, max(build_seq) AS seq, argMax(data_version, build_seq) AS ver, argMax(calendar_hash, build_seq) AS cal
       FROM publicity_cube_builds GROUP BY unit_code
     ) AS b ON b.unit_code = cur.unit_code`,
    d,
    stateRow,
  );
  const clean: CubeState['clean'] = [];
  const dirty: CubeState['dirty'] = [];
  let cal = 0;
  let known = true;
  let horizon = d.asOf;
  for (const r of rows) {
    cal = r.calendarHash;
    known = r.datesKnown === 1;
    horizon = r.horizon;
    if (r.unit === '') continue; // the row that is always there, so the scalars arrive even from an empty store
    if (r.buildSeq > 0 && r.builtVersion === r.dataVersion && r.builtCalendar === cal) clean.push([r.unit, r.buildSeq]);
    else dirty.push({ unit: r.unit, districts: r.districts, dataVersion: r.dataVersion });
  }
  return { calendarHash: cal, datesKnown: known, warningHorizon: horizon, clean, dirty };
}

// ---------------------------------------------------------------------------------------------------------
// Reading: status counts and delays as of asOf

/** Filters every figure takes; unit/district/kind '' = all. Dates are decision dates. */
export type CellFilter = { from: string; to: string; asOf: string; unit?: string; district?: string; kind?: '' | 'license' | 'penalty' };

/** The unit/district/kind conditions in force (only those: the analyzer's time grows with the SQL's size). */
const keyFilter = (f: CellFilter) =>
  [
    f.unit ? 'unit_code = {unit:String}' : '',
    f.district ? 'district_code = {district:String}' : '',
    f.kind ? 'kind = {kind:String}' : '',
  ]
    .filter(Boolean)
    .map((c) => ` AND ${c}`)
    .join('');

const cubeWhere = (f: CellFilter) => `build_seq IN {cleanSeqs:Array(UInt64)}
        AND decision_date BETWEEN {from:Date} AND {to:Date}${keyFilter(f)}`;

/** Live decisions of dirty units in the filter (columns of decisionsFrom), `extra` a further condition on them. */
const liveDecisions = (f: CellFilter, extra: string) => `(
      SELECT * FROM ${decisionsFrom(`(district_code, unit_code) IN {dirtyKeys:Array(Tuple(String, String))}${keyFilter(f)}`)}
      WHERE decision_date BETWEEN {from:Date} AND {to:Date}${extra})`;

const liveStatus = statusSql({ deadline: 'deadline', answered: 'is_published', answeredOn: 'publication_date', asOf: '{asOf:Date}' });

function sourcesParams(state: CubeState, f: CellFilter): Record<string, unknown> {
  return {
    cleanSeqs: state.clean.map(([, seq]) => seq),
    dirtyKeys: unitKeys(state.dirty),
    from: f.from,
    to: f.to,
    asOf: f.asOf,
    unit: f.unit ?? '',
    district: f.district ?? '',
    kind: f.kind ?? '',
  };
}

/**
 * Rows (key, on_time, late, overdue, pending, delay_sum, known) whose sums per key are the status counts as of asOf
 * of the decisions in the filter; `keyExpr` may use unit_code, district_code, kind and decision_date.
 *   cube rows with nothing published after asOf: their counts; unpublished are overdue once asOf is past the deadline;
 *   cube rows with publications after asOf: those publications are taken back (not published yet as of asOf);
 *   dirty units: every decision with its status computed live.
 */
export function statusCountsSql(state: CubeState, f: CellFilter, keyExpr: string): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  if (state.clean.length > 0) {
    parts.push(`SELECT ${keyExpr} AS key, toInt64(on_time) AS on_time, toInt64(late) AS late,
             toInt64(if({asOf:Date} > deadline, unpublished, 0)) AS overdue,
             toInt64(if({asOf:Date} <= deadline, unpublished, 0)) AS pending, delay_sum, known
      FROM publicity_cube WHERE ${cubeWhere(f)} AND last_publication <= {asOf:Date}`);
    parts.push(`SELECT ${keyExpr} AS key, toInt64(on_time) - later_on_time AS on_time, toInt64(late) - (later - later_on_time) AS late,
             toInt64(if({asOf:Date} > deadline, unpublished + later, 0)) AS overdue,
             toInt64(if({asOf:Date} <= deadline, unpublished + later, 0)) AS pending,
             delay_sum - later_delay AS delay_sum, known
      FROM (SELECT *,
                   toInt64(arraySum((p, c) -> if(p > {asOf:Date}, c, 0), pub_dates, pub_counts)) AS later,
                   toInt64(arraySum((p, c) -> if(p > {asOf:Date} AND p <= deadline, c, 0), pub_dates, pub_counts)) AS later_on_time,
                   toInt64(arraySum((p, d, c) -> if(p > {asOf:Date}, d * c, 0), pub_dates, pub_delays, pub_counts)) AS later_delay
            FROM publicity_cube WHERE ${cubeWhere(f)} AND last_publication > {asOf:Date})`);
  }
  if (state.dirty.length > 0) {
    parts.push(`SELECT ${keyExpr} AS key, toInt64(${liveStatus.onTime}) AS on_time, toInt64(${liveStatus.late}) AS late,
             toInt64(${liveStatus.overdue}) AS overdue, toInt64(${liveStatus.pending}) AS pending,
             if(${liveStatus.answeredAsOf}, toInt64(delay), 0) AS delay_sum, known
      FROM ${liveDecisions(f, '')}`);
  }
  if (parts.length === 0) {
    parts.push(`SELECT '' AS key, toInt64(0) AS on_time, toInt64(0) AS late, toInt64(0) AS overdue, toInt64(0) AS pending,
             toInt64(0) AS delay_sum, toUInt8(1) AS known WHERE 0`);
  }
  return { sql: `(${parts.join('\n      UNION ALL\n      ')})`, params: sourcesParams(state, f) };
}

/** A unit that may hold items; `exceptions`: its items of the non-on-time statuses are all in publicity_exceptions. */
export type CandidateUnit = { district: string; unit: string; exceptions: boolean };

/**
 * Units (district, unit) that may hold items matching `statuses` as of asOf within the filter and the item scope
 * (`scopeSql` on district_code/unit_code): from the cube for clean units (a superset, never missing one), plus every
 * dirty unit. Item queries read only these key ranges, so a filter with nothing behind it answers at once.
 * A clean unit with no publication after asOf in the period can be listed from its exceptions (as of asOf, a decision
 * is late, overdue or pending only if it is late or unpublished for good); otherwise it is computed live.
 */
export async function candidateUnits(
  state: CubeState,
  f: CellFilter,
  scope: { sql: string; params: Record<string, string> },
  opts: { statuses: readonly string[]; delayMin: number | null; delayMax: number | null },
): Promise<CandidateUnit[]> {
  const unpublishedAsOf = '(unpublished > 0 OR last_publication > {asOf:Date})';
  const conds: Record<string, string> = {
    on_time: 'on_time > 0',
    late: 'late > 0',
    overdue: `(${unpublishedAsOf} AND deadline < {asOf:Date})`,
    pending: `(${unpublishedAsOf} AND deadline >= {asOf:Date})`,
    warning: `(${unpublishedAsOf} AND deadline >= {asOf:Date} AND deadline <= {horizon:Date})`,
  };
  const statusCond = opts.statuses.length ? opts.statuses.map((s) => conds[s] ?? '0').join(' OR ') : '1';
  const delayCond =
    opts.delayMin === null && opts.delayMax === null
      ? '1'
      : `arrayExists(d -> ({delayMin:Nullable(Int32)} IS NULL OR d >= {delayMin:Nullable(Int32)})
                          AND ({delayMax:Nullable(Int32)} IS NULL OR d <= {delayMax:Nullable(Int32)}), pub_delays)`;
  const out: CandidateUnit[] = [];
  if (state.clean.length > 0) {
    const rows = await queryRows(
      `-- publicity: units that may hold the items asked for
       SELECT district_code AS d, unit_code AS u, max(last_publication) > {asOf:Date} AS later FROM publicity_cube
       WHERE ${cubeWhere(f)}${scope.sql === '1' ? '' : ` AND ${scope.sql}`}${statusCond === '1' ? '' : ` AND (${statusCond})`}${delayCond === '1' ? '' : ` AND ${delayCond}`}
       GROUP BY district_code, unit_code`,
      { ...sourcesParams(state, f), ...scope.params, delayMin: opts.delayMin, delayMax: opts.delayMax, horizon: state.warningHorizon },
      z.object({ d: z.string(), u: z.string(), later: z.number() }),
    );
    for (const r of rows) out.push({ district: r.d, unit: r.u, exceptions: r.later === 0 });
  }
  for (const u of state.dirty) for (const d of u.districts) out.push({ district: d, unit: u.unit, exceptions: false });
  return out;
}

/** Rows (delays Array(Int32), counts Array(UInt64)) whose sumMap is the delay distribution of decisions published by asOf. */
export function delaySourcesSql(state: CubeState, f: CellFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  if (state.clean.length > 0) {
    parts.push(`SELECT pub_delays AS delays, pub_counts AS counts, known
      FROM publicity_cube WHERE ${cubeWhere(f)} AND last_publication <= {asOf:Date}`);
    parts.push(`SELECT arrayFilter((d, p) -> p <= {asOf:Date}, pub_delays, pub_dates) AS delays,
             arrayFilter((c, p) -> p <= {asOf:Date}, pub_counts, pub_dates) AS counts, known
      FROM publicity_cube WHERE ${cubeWhere(f)} AND last_publication > {asOf:Date}`);
  }
  if (state.dirty.length > 0) {
    parts.push(`SELECT [delay] AS delays, [toUInt64(1)] AS counts, known FROM ${liveDecisions(f, ` AND ${liveStatus.answeredAsOf}`)}`);
  }
  if (parts.length === 0) parts.push(`SELECT CAST([], 'Array(Int32)') AS delays, CAST([], 'Array(UInt64)') AS counts, toUInt8(1) AS known WHERE 0`);
  return { sql: `(${parts.join('\n      UNION ALL\n      ')})`, params: sourcesParams(state, f) };
}

// ---------------------------------------------------------------------------------------------------------
// Refreshing

let lastSeq = 0;
/**
 * Reserve `n` build numbers: microseconds since the epoch (JSON-safe), strictly increasing within the process; each
 * unit of a batch gets its own (base + its position), so a number identifies one build of one unit.
 */
function reserveSeqs(n: number): number {
  const base = Math.max(lastSeq + 1, Date.now() * 1000);
  lastSeq = base + n;
  return base;
}

/** Decisions per build statement (bounded memory): units are grouped until their data versions reach this. */
const BATCH_ROWS = 4_000_000;

/**
 * Rebuild the cube of every unit whose build is not current (or of `units`), then record the builds. A build is
 * recorded only if the calendar did not change while it ran; a unit that received data meanwhile stays dirty (its
 * version moved on) and is rebuilt next time. Safe to run concurrently with ingestion and with other refreshes.
 */
export async function refreshPublicityCube(opts: { force?: boolean } = {}): Promise<{ units: number; seconds: number }> {
  const started = performance.now();
  const state = await cubeState();
  const todo = opts.force
    ? [...state.dirty, ...(await currentVersions(state.clean.map(([u]) => u)))]
    : state.dirty;
  if (todo.length === 0) return { units: 0, seconds: 0 };
  const batches: Array<typeof todo> = [];
  let current: typeof todo = [];
  let rows = 0;
  for (const u of todo) {
    if (current.length > 0 && rows + u.dataVersion > BATCH_ROWS) {
      batches.push(current);
      current = [];
      rows = 0;
    }
    current.push(u);
    rows += u.dataVersion;
  }
  if (current.length) batches.push(current);

  const builds: Array<Record<string, unknown>> = [];
  for (const batch of batches) {
    const base = reserveSeqs(batch.length);
    const units = batch.map((u) => u.unit);
    await runCommand(
      `-- publicity: build cube rows
       INSERT INTO publicity_cube (unit_code, build_seq, district_code, kind, decision_date, deadline, known, on_time, late,
                                   unpublished, delay_sum, last_publication, pub_dates, pub_delays, pub_counts)
       SELECT unit_code, {base:UInt64} + indexOf({units:Array(String)}, unit_code) - 1, district_code, kind, decision_date, any(deadline), min(known),
              sumIf(n, is_published = 1 AND publication_date <= deadline), sumIf(n, is_published = 1 AND publication_date > deadline),
              sumIf(n, is_published = 0), sumIf(toInt64(delay) * n, is_published = 1), maxIf(publication_date, is_published = 1),
              -- one array of (date, delay, count) split three ways, so the three stay aligned
              arrayMap(t -> t.1, arraySort(groupArrayIf(tuple(publication_date, delay, n), is_published = 1)) AS pubs),
              arrayMap(t -> t.2, pubs), arrayMap(t -> t.3, pubs)
       FROM (
         SELECT unit_code, district_code, kind, decision_date, is_published, publication_date,
                any(deadline) AS deadline, any(delay) AS delay, min(known) AS known, count() AS n
         FROM ${decisionsFrom('(district_code, unit_code) IN {keys:Array(Tuple(String, String))}')}
         GROUP BY unit_code, district_code, kind, decision_date, is_published, publication_date
       )
       GROUP BY unit_code, district_code, kind, decision_date
       -- on a cluster the rows must be on their shards before the build is recorded
       SETTINGS distributed_foreground_insert = 1`,
      { base, units, keys: unitKeys(batch) },
    );
    await runCommand(
      `-- publicity: build exceptions
       INSERT INTO publicity_exceptions (district_code, unit_code, kind, doc_no, build_seq, decision_date, deadline, registered,
                                         published, publication_date, delay, known)
       SELECT district_code, unit_code, kind, doc_no, {base:UInt64} + indexOf({units:Array(String)}, unit_code) - 1, decision_date,
              deadline, is_registered, is_published, publication_date, delay, known
       FROM ${decisionsFrom('(district_code, unit_code) IN {keys:Array(Tuple(String, String))}')}
       WHERE NOT (is_published = 1 AND publication_date <= deadline)
       SETTINGS distributed_foreground_insert = 1`,
      { base, units, keys: unitKeys(batch) },
    );
    batch.forEach((u, i) => {
      builds.push({ unit_code: u.unit, build_seq: base + i, data_version: u.dataVersion, calendar_hash: state.calendarHash });
    });
  }
  if ((await calendarHash()) !== state.calendarHash) return { units: 0, seconds: (performance.now() - started) / 1000 };
  await runCommand(
    `-- publicity: record cube builds
     INSERT INTO publicity_cube_builds (unit_code, build_seq, data_version, calendar_hash, cells, built_at)
     SELECT tupleElement(b, 1), tupleElement(b, 2), tupleElement(b, 3), tupleElement(b, 4), 0, now64(3)
     FROM (SELECT arrayJoin({builds:Array(Tuple(String, UInt64, UInt64, UInt64))}) AS b)
     SETTINGS distributed_foreground_insert = 1`,
    { builds: builds.map((b) => new TupleParam([b.unit_code, b.build_seq, b.data_version, b.calendar_hash])) },
  );
  return { units: todo.length, seconds: (performance.now() - started) / 1000 };
}

async function currentVersions(units: string[]): Promise<UnitVersion[]> {
  if (units.length === 0) return [];
  return queryRows(
    `-- publicity: data versions of units
     SELECT unit_code AS unit, districts, v AS dataVersion FROM (${VERSIONS_SQL}) WHERE unit_code IN {units:Array(String)}`,
    { units },
    z.object({ unit: z.string(), districts: z.array(z.string()), dataVersion: z.number() }),
  );
}

/**
 * Delete cube rows and build records superseded by a build that started more than a minute ago: any query that could
 * still be reading them (it read the state before that build was recorded) finished long since.
 */
export async function cleanupPublicityCube(opts: { graceMs?: number } = {}): Promise<{ deleted: number }> {
  const cluster = env().CLICKHOUSE_CLUSTER;
  // Lightweight deletes address the local tables on a cluster (a Distributed table takes none).
  const target = (t: string) => (cluster ? `${t}_local ON CLUSTER ${cluster}` : t);
  const anchors = `(SELECT unit_code, max(build_seq) AS anchor FROM publicity_cube_builds
                    WHERE build_seq < {before:UInt64} GROUP BY unit_code)`;
  const params = { before: (Date.now() - (opts.graceMs ?? 60_000)) * 1000 };
  const { n } = await queryOne(
    `-- publicity: superseded cube rows
     SELECT count() AS n FROM publicity_cube AS c INNER JOIN ${anchors} AS a ON a.unit_code = c.unit_code
     WHERE c.build_seq < a.anchor`,
    params,
    z.object({ n: z.number() }),
  );
  if (n === 0) return { deleted: 0 };
  for (const table of ['publicity_cube', 'publicity_exceptions', 'publicity_cube_builds']) {
    await runCommand(
      `-- publicity: delete superseded ${table}
       DELETE FROM ${target(table)}
       WHERE (unit_code, build_seq) IN (
         SELECT t.unit_code, t.build_seq FROM (SELECT DISTINCT unit_code, build_seq FROM ${table}) AS t
         INNER JOIN ${anchors} AS a ON a.unit_code = t.unit_code
         WHERE t.build_seq < a.anchor)`,
      params,
    );
  }
  return { deleted: n };
}

// ---------------------------------------------------------------------------------------------------------
// Background refresh after a query found dirty units

let autoRefresh = true;
let running: Promise<void> | null = null;
let lastRun = 0;
let lastCleanup = 0;
const MIN_INTERVAL_MS = 30_000;
const CLEANUP_INTERVAL_MS = 5 * 60_000;

/** Tests and benchmarks control refreshes themselves. */
export function setPublicityAutoRefresh(enabled: boolean): void {
  autoRefresh = enabled;
}

/** Wait for a background refresh in flight (tests, shutdown). */
export async function publicityRefreshSettled(): Promise<void> {
  await running;
}

/** Start a background refresh unless one is running or ran within the last 30 s. Never throws. */
export function scheduleRefresh(state: CubeState): void {
  if (!autoRefresh || state.dirty.length === 0 || running || Date.now() - lastRun < MIN_INTERVAL_MS) return;
  lastRun = Date.now();
  running = (async () => {
    try {
      await refreshPublicityCube();
      if (Date.now() - lastCleanup > CLEANUP_INTERVAL_MS) {
        lastCleanup = Date.now();
        await cleanupPublicityCube();
      }
    } catch (error) {
      console.error('[publicity] cube refresh failed (figures stay exact, computed live):', error);
    } finally {
      running = null;
      lastRun = Date.now();
    }
  })();
}
