/**
 * The precomputed levels of joint sanctions (clickhouse/migrations/010_sanctions_cube.sql) and how queries read them.
 *
 *   sanction_pushes  one row per push (kept by materialized views, 009): the truth, read for units whose build is not
 *                    current and by the case filter of the figures (pushesSql, ./pushes.ts);
 *   sanction_items   per responding unit build, every push with its calendar half (pushRowsSql's columns): the item
 *                    lists read it in page order (./items.ts);
 *   sanction_cube    per responding unit, district, measure, kind, list type and pushed day: the due date and calendar
 *                    flag (computed once), the counts once every answer so far is counted, and the answers by day
 *                    (count, executed) so that an earlier asOf can take back what was answered after it;
 *   sanction_cases   per case, its pushes' dimensions side by side: the funnel's distinct cases as a count of rows.
 *
 * All are built with the versioned-build mechanism shared with double publicity (../cubeBuilds.ts): a responding
 * unit's build of items and cube is current while its data version (push and answer rows ever received) and the inputs
 * hash (the calendar and the measures' feedback days) equal what the build recorded; the case index is one build over
 * every unit, and a unit's pushes in it are current while its push version (push rows ever received) is unchanged. Queries
 * read the current builds and compute the rest live, so every figure equals the live computation whatever the state;
 * a refresh only makes the next answer faster.
 */
import { z } from 'zod';
import { queryOne, runCommand } from '../../db/query';
import {
  cleanupCube,
  cubeRefresher,
  readUnitStates,
  refreshCube,
  unitKeys,
  type CubeSpec,
  type UnitStates,
} from '../cubeBuilds';
import { sharedInFlight } from '../../db/sharedInFlight';
import { measureDayParams, pushesSql, pushRowsSql, type SanctionFilters } from './pushes';

// ---------------------------------------------------------------------------------------------------------
// The two builds: items and cube per responding unit; the case index of all units at once

/** Data versions per responding unit from the projection unit_versions: `column` is inserts or push_inserts. */
const versionsSql = (column: 'inserts' | 'push_inserts') => `
  SELECT responding_unit AS unit_code, groupUniqArray(responding_district_code) AS districts, sum(v) AS v
  FROM (SELECT responding_district_code, responding_unit, sum(${column}) AS v FROM sanction_pushes
        GROUP BY responding_district_code, responding_unit)
  GROUP BY unit_code`;

const KEYS_IN = '(responding_district_code, responding_unit) IN {keys:Array(Tuple(String, String))}';
/** The key ranges of the units computed live. */
export const DIRTY_KEYS_IN = '(responding_district_code, responding_unit) IN {dirtyKeys:Array(Tuple(String, String))}';

/** The measures' codes and feedback days in listMeasures' order (the values measureDayParams binds), as one tuple. */
const MEASURE_DAYS_SQL = `(SELECT (groupArray(code), groupArray(toUInt32(feedback_days)))
     FROM (SELECT code, feedback_days FROM measures FINAL ORDER BY sort, code))`;

const measuresRow = z.object({ measureCodes: z.array(z.string()), measureDays: z.array(z.number()) });

/** The columns of sanction_items, in pushRowsSql's names. */
export const ITEM_COLUMNS = `respondingDistrict, respondingUnit, caseId, measureCode, kind, listType, initiatingUnit, initiatingDistrict,
       subjectType, subjectName, subjectCode, pushedDate, feedbackDays, dueDate, calendarKnown, answered, answeredDate, result, note`;

const SANCTION_CUBE: CubeSpec = {
  label: 'sanctions',
  versionsSql: versionsSql('inserts'),
  buildsTable: 'sanction_cube_builds',
  tables: [
    { name: 'sanction_cube', unitColumn: 'unit_code' },
    { name: 'sanction_items', unitColumn: 'respondingUnit' },
  ],
  // Due dates depend on the calendar and on each measure's feedback days: read with the state, hashed into it.
  inputs: {
    select: `${MEASURE_DAYS_SQL} AS measureDays_, tupleElement(measureDays_, 1) AS measureCodes, tupleElement(measureDays_, 2) AS measureDays`,
    columns: ['measureCodes', 'measureDays'],
    schema: measuresRow,
  },
  granularity: 'unit',
  batchRows: 4_000_000,
  build: async (batch, base, inputs) => {
    const units = batch.map((u) => u.unit);
    // Every push of the batch's units, its calendar half computed once …
    await runCommand(
      `-- sanctions: build items
       INSERT INTO sanction_items (build_seq, ${ITEM_COLUMNS})
       SELECT {base:UInt64} + indexOf({units:Array(String)}, respondingUnit) - 1, respondingDistrict, respondingUnit, caseId, measureCode,
              kind, listType, initiatingUnit, initiatingDistrict, subjectType, subjectName, subjectCode, assumeNotNull(pushedDate),
              feedbackDays, dueDate, calendarKnown, answered, answeredDate, result, note
       FROM (${pushRowsSql(KEYS_IN)})
       -- on a cluster the rows must be on their shards before they are read back and the build is recorded
       SETTINGS distributed_foreground_insert = 1`,
      { ...inputs, base, units, keys: unitKeys(batch) },
    );
    // … then counted into cells: pushes by answer day first, then one row per cell with the answers as arrays.
    await runCommand(
      `-- sanctions: build cube rows
       INSERT INTO sanction_cube (unit_code, build_seq, district_code, measure_code, kind, list_type, pushed_date, due_date, known,
                                  pushes, answered, on_time, executed, last_answer, answer_dates, answer_counts, answer_executed)
       SELECT respondingUnit, build_seq, respondingDistrict, measureCode, kind, listType, pushedDate, any(due_date), min(known), sum(n),
              sumIf(n, is_answered = 1), sumIf(n, is_answered = 1 AND answered_on <= due_date), sumIf(n_executed, is_answered = 1),
              maxIf(answered_on, is_answered = 1),
              -- one array of (day, count, executed) split three ways, so the three stay aligned
              arrayMap(t -> t.1, arraySort(groupArrayIf(tuple(answered_on, n, n_executed), is_answered = 1)) AS answers),
              arrayMap(t -> t.2, answers), arrayMap(t -> t.3, answers)
       FROM (
         SELECT build_seq, respondingUnit, respondingDistrict, measureCode, kind, listType, pushedDate, answered AS is_answered,
                if(answered = 1, assumeNotNull(answeredDate), toDate(0)) AS answered_on,
                any(dueDate) AS due_date, min(calendarKnown) AS known, count() AS n, countIf(result = 'executed') AS n_executed
         FROM sanction_items
         WHERE build_seq IN {seqs:Array(UInt64)}
         GROUP BY build_seq, respondingUnit, respondingDistrict, measureCode, kind, listType, pushedDate, is_answered, answered_on
       )
       GROUP BY build_seq, respondingUnit, respondingDistrict, measureCode, kind, listType, pushedDate
       SETTINGS distributed_foreground_insert = 1`,
      { seqs: units.map((_, i) => base + i) },
    );
  },
};

const SANCTION_CASES: CubeSpec = {
  label: 'sanction cases',
  versionsSql: versionsSql('push_inserts'),
  buildsTable: 'sanction_cases_builds',
  tables: [{ name: 'sanction_cases' }],
  // Cases depend on the pushes alone: not on the calendar, nor on any answer.
  calendar: false,
  granularity: 'all',
  batchRows: Number.MAX_SAFE_INTEGER,
  build: async (_batch, base) => {
    await runCommand(
      `-- sanctions: build case index
       INSERT INTO sanction_cases (build_seq, case_id, first_pushed, last_pushed, pushed_dates, districts, units, measures, kinds, list_types)
       SELECT {base:UInt64}, caseId, min(pushed_on), max(pushed_on), groupArray(pushed_on), groupArray(respondingDistrict),
              groupArray(respondingUnit), groupArray(measureCode), groupArray(kind), groupArray(listType)
       FROM (
         SELECT caseId, assumeNotNull(pushedDate) AS pushed_on, respondingDistrict, respondingUnit, measureCode, kind, listType
         FROM (${pushRowsSql('1')})
       )
       GROUP BY caseId
       SETTINGS distributed_foreground_insert = 1`,
      // pushRowsSql binds the measures (for due dates the index does not keep)
      { ...(await measureDayParams()), base },
    );
  },
};

// ---------------------------------------------------------------------------------------------------------
// State

const cubeShared = sharedInFlight<SanctionCubeState>();
const casesShared = sharedInFlight<UnitStates>();

export type SanctionCubeState = UnitStates & { measures: z.infer<typeof measuresRow> };

/**
 * Which responding units read sanction_items and sanction_cube and which are computed live, and the measures' feedback
 * days the builds and the live part compute due dates with, in one round trip (shared while in flight).
 */
export const sanctionCubeState = (): Promise<SanctionCubeState> =>
  cubeShared('', async () => {
    const s = await readUnitStates(SANCTION_CUBE);
    return { ...s, measures: measuresRow.parse(s.inputs) };
  });

/** Which responding units' pushes sanction_cases holds current (all from one build) and which are computed live. */
export const sanctionCasesState = (): Promise<UnitStates> => casesShared('', () => readUnitStates(SANCTION_CASES));

// ---------------------------------------------------------------------------------------------------------
// Reading

/** The key filters in force, on `cols` names (only those: the analyzer's time grows with the SQL's size). */
function keyConditions(f: SanctionFilters, cols: { district: string; unit: string; measure: string; kind: string; listType: string }) {
  return [
    f.district ? `${cols.district} = {district:String}` : '',
    f.unit ? `${cols.unit} = {unit:String}` : '',
    f.measure ? `${cols.measure} = {measure:String}` : '',
    f.kind ? `${cols.kind} = {kind:String}` : '',
    f.listType ? `${cols.listType} = {listType:String}` : '',
  ].filter(Boolean);
}

/** A grouping key as an expression of the cube's columns and of the live columns (pushesSql). */
export type CountsKey = { cube: string; live: string };

/** Per key, the status counts of pushes computed live (pushesSql columns): the live half of countsSourcesSql. */
export const liveCountsSql = (key: string, source: string) => `SELECT ${key} AS key, toInt64(count()) AS c_pushes,
             toInt64(countIf(status = 'answered_on_time')) AS c_on_time, toInt64(countIf(status = 'answered_late')) AS c_late,
             toInt64(countIf(status = 'overdue')) AS c_overdue, toInt64(countIf(status = 'pending')) AS c_pending,
             toInt64(countIf(status IN ('answered_on_time', 'answered_late') AND result = 'executed')) AS c_executed,
             min(calendarKnown) AS c_known
      FROM (${source}) GROUP BY key`;

/**
 * Rows (key, c_pushes, c_on_time, c_late, c_overdue, c_pending, c_executed, c_known) whose sums per key are the
 * status counts as of asOf of the pushes in the filter (c_known 0: a date behind some push is not known), each part
 * already summed by key:
 *   cube rows of clean units with no answer after asOf: their counts; unanswered pushes are overdue once asOf is past
 *   the due date, pending until then;
 *   cube rows with answers after asOf: those answers are taken back (not answered yet as of asOf);
 *   dirty units: every push with its status computed live by pushesSql.
 * Not for the case filter (not in the cube): callers compute it live with liveCountsSql.
 */
export function countsSourcesSql(state: UnitStates, f: SanctionFilters, key: CountsKey): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  if (state.clean.length > 0) {
    const conds = keyConditions(f, { district: 'district_code', unit: 'unit_code', measure: 'measure_code', kind: 'kind', listType: 'list_type' });
    const where = `build_seq IN {cleanSeqs:Array(UInt64)} AND pushed_date BETWEEN {from:Date} AND {to:Date}${conds.map((c) => ` AND ${c}`).join('')}`;
    // Most rows: nothing answered after asOf, the counts as they stand.
    parts.push(`SELECT ${key.cube} AS key, toInt64(sum(pushes)) AS c_pushes, toInt64(sum(on_time)) AS c_on_time,
             toInt64(sum(answered)) - toInt64(sum(on_time)) AS c_late,
             toInt64(sumIf(pushes - answered, {asOf:Date} > due_date)) AS c_overdue,
             toInt64(sumIf(pushes - answered, {asOf:Date} <= due_date)) AS c_pending, toInt64(sum(executed)) AS c_executed, min(known) AS c_known
      FROM sanction_cube WHERE ${where} AND last_answer <= {asOf:Date} GROUP BY key`);
    // The others: the answers dated after asOf are taken back (not answered yet as of asOf).
    parts.push(`SELECT ${key.cube} AS key, toInt64(sum(pushes)) AS c_pushes, toInt64(sum(on_time)) - sum(later_on_time) AS c_on_time,
             toInt64(sum(answered)) - toInt64(sum(on_time)) - sum(later) + sum(later_on_time) AS c_late,
             toInt64(sumIf(pushes - answered + later, {asOf:Date} > due_date)) AS c_overdue,
             toInt64(sumIf(pushes - answered + later, {asOf:Date} <= due_date)) AS c_pending,
             toInt64(sum(executed)) - sum(later_executed) AS c_executed, min(known) AS c_known
      FROM (
        SELECT *,
               toInt64(arraySum((d, c) -> if(d > {asOf:Date}, c, 0), answer_dates, answer_counts)) AS later,
               toInt64(arraySum((d, c) -> if(d > {asOf:Date} AND d <= due_date, c, 0), answer_dates, answer_counts)) AS later_on_time,
               toInt64(arraySum((d, e) -> if(d > {asOf:Date}, e, 0), answer_dates, answer_executed)) AS later_executed
        FROM sanction_cube WHERE ${where} AND last_answer > {asOf:Date}
      ) GROUP BY key`);
  }
  if (state.dirty.length > 0) parts.push(liveCountsSql(key.live, pushesSql('1', DIRTY_KEYS_IN)));
  if (parts.length === 0) {
    parts.push(`SELECT '' AS key, toInt64(0) AS c_pushes, toInt64(0) AS c_on_time, toInt64(0) AS c_late, toInt64(0) AS c_overdue,
             toInt64(0) AS c_pending, toInt64(0) AS c_executed, toUInt8(1) AS c_known WHERE 0`);
  }
  return { sql: `(${parts.join('\n      UNION ALL\n      ')})`, params: { cleanSeqs: state.clean.map(([, s]) => s), dirtyKeys: unitKeys(state.dirty) } };
}

/**
 * Distinct cases among the pushes in the filter (the funnel's first stage), equal to uniqExact(caseId) over them
 * (`params`: filterParams of the filter):
 * the cases of the current index with a matching push of a clean unit, plus the distinct cases of the dirty units'
 * matching pushes (computed live) that are not already counted.
 */
export async function casesCount(state: UnitStates, f: SanctionFilters, params: Record<string, unknown>): Promise<number> {
  const top = state.clean[0]?.[1];
  const live = `SELECT DISTINCT caseId FROM (${pushesSql('1', DIRTY_KEYS_IN)})`;
  const parts: string[] = [];
  if (top !== undefined) {
    // Only the arrays a condition reads are passed to the lambda.
    const conds = [
      ['pushed_dates', 'x_date', 'x_date BETWEEN {from:Date} AND {to:Date}'],
      ...(f.district ? [['districts', 'x_district', 'x_district = {district:String}']] : []),
      ...(f.unit || state.dirty.length > 0 ? [['units', 'x_unit', f.unit ? 'x_unit = {unit:String}' : '']] : []),
      ...(f.measure ? [['measures', 'x_measure', 'x_measure = {measure:String}']] : []),
      ...(f.kind ? [['kinds', 'x_kind', 'x_kind = {kind:String}']] : []),
      ...(f.listType ? [['list_types', 'x_list', 'x_list = {listType:String}']] : []),
    ];
    const body = [...conds.map(([, , c]) => c).filter(Boolean), ...(state.dirty.length > 0 ? ['NOT has({dirtyUnits:Array(String)}, x_unit)'] : [])];
    parts.push(`(SELECT count() FROM sanction_cases
       WHERE build_seq = {casesSeq:UInt64} AND first_pushed <= {to:Date} AND last_pushed >= {from:Date}
         AND arrayExists((${conds.map(([, v]) => v).join(', ')}) -> ${body.join(' AND ')}, ${conds.map(([a]) => a).join(', ')})
         ${state.dirty.length > 0 ? `AND case_id NOT IN (${live})` : ''})`);
  }
  if (state.dirty.length > 0) parts.push(`(SELECT count() FROM (${live}))`);
  if (parts.length === 0) return 0;
  const row = await queryOne(
    `-- sanctions: distinct cases
     SELECT ${parts.join(' + ')} AS n`,
    {
      ...params,
      casesSeq: top ?? 0,
      dirtyUnits: state.dirty.map((u) => u.unit),
      dirtyKeys: unitKeys(state.dirty),
    },
    z.object({ n: z.number() }),
  );
  return row.n;
}

// ---------------------------------------------------------------------------------------------------------
// Refreshing

/**
 * Rebuild what is not current: the cube of every dirty responding unit (or of every unit: `force`) and, when any
 * unit's pushes changed since, the case index (../cubeBuilds.ts refreshCube).
 */
export async function refreshSanctionCube(opts: { force?: boolean } = {}): Promise<{ units: number; cases: boolean; seconds: number }> {
  const started = performance.now();
  const cube = await refreshCube(SANCTION_CUBE, opts);
  const cases = await refreshCube(SANCTION_CASES, opts);
  return { units: cube.units, cases: cases.units > 0, seconds: (performance.now() - started) / 1000 };
}

/** Delete cube rows, case index rows and build records superseded more than a minute ago. */
export async function cleanupSanctionCube(opts: { graceMs?: number } = {}): Promise<{ deleted: number }> {
  const a = await cleanupCube(SANCTION_CUBE, opts);
  const b = await cleanupCube(SANCTION_CASES, opts);
  return { deleted: a.deleted + b.deleted };
}

const refresher = cubeRefresher('sanctions', refreshSanctionCube, cleanupSanctionCube);

/** Tests and benchmarks control refreshes themselves. */
export const setSanctionAutoRefresh = (enabled: boolean): void => refresher.setAuto(enabled);

/** Start a background refresh when a state has dirty units, unless one is running or ran within the last 30 s. */
export const scheduleSanctionRefresh = (...states: UnitStates[]): void => refresher.schedule(states.some((s) => s.dirty.length > 0));
