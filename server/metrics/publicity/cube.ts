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
 * now) both equal what the build recorded: the versioned-build mechanism of ../cubeBuilds.ts, shared with joint
 * sanctions. The sources below read the current rows of clean units and compute dirty units live, so every figure is
 * exact whatever the state of the cube; a refresh only makes the next answer faster.
 */
import { z } from 'zod';
import { queryRows, runCommand } from '../../db/query';
import {
  cleanupCube,
  cubeRefresher,
  readUnitStates,
  refreshCube,
  unitKeys,
  type CubeSpec,
  type UnitVersion,
} from '../cubeBuilds';
import { sharedInFlight } from '../../db/sharedInFlight';
import { calendarKnownSql, deadlineSql, delaySql, knownSql, statusSql } from '../../calendar/timeliness';

/** Double publicity: 7 working days from the decision to its publication (design.md §5). */
export const PUBLICITY_WORKDAYS = 7;

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

export { calendarHash, unitKeys, type UnitVersion } from '../cubeBuilds';

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

/** Decisions per build statement (bounded memory): units are grouped until their data versions reach this. */
const BATCH_ROWS = 4_000_000;

const PUBLICITY_CUBE: CubeSpec = {
  label: 'publicity',
  // Data versions per unit, from the projection unit_versions (never reads the rows themselves).
  versionsSql: `
  SELECT unit_code, groupUniqArray(district_code) AS districts, sum(v) AS v
  FROM (SELECT district_code, unit_code, sum(inserts) AS v FROM publicity_decisions GROUP BY district_code, unit_code)
  GROUP BY unit_code`,
  buildsTable: 'publicity_cube_builds',
  tables: [
    { name: 'publicity_cube', unitColumn: 'unit_code' },
    { name: 'publicity_exceptions', unitColumn: 'unit_code' },
  ],
  granularity: 'unit',
  batchRows: BATCH_ROWS,
  build: buildUnits,
};

const stateExtra = z.object({ datesKnown: z.number(), horizon: z.string() });
const shared = sharedInFlight<CubeState>();

/**
 * Which units can be read from the cube and which must be computed live, in one round trip; also whether the
 * calendar knows the request's own dates (from, to, asOf). Calls made while the same question is in flight share its
 * answer (a dashboard asks for eight figures at once); nothing is kept once it is answered.
 */
export function cubeState(dates?: { from: string; to: string; asOf: string }): Promise<CubeState> {
  const d = dates ?? { from: '2020-01-01', to: '2020-01-01', asOf: '2020-01-01' };
  return shared(`${d.from}|${d.to}|${d.asOf}`, async () => {
    const datesKnown = `toUInt8(${calendarKnownSql('{from:Date}')} AND ${calendarKnownSql('{to:Date}')} AND ${calendarKnownSql('{asOf:Date}')})`;
    const s = await readUnitStates(PUBLICITY_CUBE, {
      extra: { select: `${datesKnown} AS datesKnown, toString(${deadlineSql('{asOf:Date}', '2')}) AS horizon`, schema: stateExtra },
      params: d,
    });
    return {
      calendarHash: s.inputsHash,
      datesKnown: (s.extra?.datesKnown ?? 1) === 1,
      warningHorizon: s.extra?.horizon ?? d.asOf,
      clean: s.clean,
      dirty: s.dirty,
    };
  });
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

/** Build the cube rows and exceptions of a batch of units; unit i of the batch gets build number base + i. */
async function buildUnits(batch: UnitVersion[], base: number): Promise<void> {
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
}

/**
 * Rebuild the cube of every unit whose build is not current (or of every unit: `force`), then record the builds
 * (../cubeBuilds.ts refreshCube).
 */
export const refreshPublicityCube = (opts: { force?: boolean } = {}) => refreshCube(PUBLICITY_CUBE, opts);

/** Delete cube rows, exceptions and build records superseded more than a minute ago. */
export const cleanupPublicityCube = (opts: { graceMs?: number } = {}) => cleanupCube(PUBLICITY_CUBE, opts);

const refresher = cubeRefresher('publicity', refreshPublicityCube, cleanupPublicityCube);

/** Tests and benchmarks control refreshes themselves. */
export const setPublicityAutoRefresh = (enabled: boolean): void => refresher.setAuto(enabled);

/** Start a background refresh when the state has dirty units, unless one is running or ran within the last 30 s. */
export const scheduleRefresh = (state: CubeState): void => refresher.schedule(state.dirty.length > 0);
