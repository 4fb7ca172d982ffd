import { z } from 'zod';
import type { ItemScope } from '../../auth/roles';
import { queryDate } from '../../domain/dates';
import { listMeasures } from '../../reference/queries';
import { deadlineSql, delaySql, knownSql, statusSql } from '../../calendar/timeliness';

/** Filters shared by every sanctions figure: pushed date in [from, to], status as of asOf. */
export const sanctionFilters = z.object({
  from: queryDate,
  to: queryDate,
  asOf: queryDate,
  district: z.string().max(20).optional(), // responding district
  unit: z.string().max(40).optional(), // responding unit
  measure: z.string().max(20).optional(),
  kind: z.enum(['punishment', 'reward']).optional(),
  listType: z.string().max(100).optional(),
  caseId: z.string().max(100).optional(),
});
export type SanctionFilters = z.infer<typeof sanctionFilters>;

export const SANCTION_STATUSES = ['answered_on_time', 'answered_late', 'overdue', 'pending'] as const;
export type SanctionStatus = (typeof SANCTION_STATUSES)[number];

/** Feedback days per measure code, bound into every query as two arrays. */
export async function measureDayParams(): Promise<{ measureCodes: string[]; measureDays: number[] }> {
  const measures = await listMeasures();
  return { measureCodes: measures.map((m) => m.code), measureDays: measures.map((m) => m.feedbackDays) };
}

/** The filters as bound parameters, with the measures' feedback days (read unless the caller has them already). */
export async function filterParams(f: SanctionFilters, measures?: { measureCodes: string[]; measureDays: number[] }) {
  return {
    ...(measures ?? (await measureDayParams())),
    from: f.from,
    to: f.to,
    asOf: f.asOf,
    district: f.district ?? '',
    unit: f.unit ?? '',
    measure: f.measure ?? '',
    kind: f.kind ?? '',
    listType: f.listType ?? '',
    caseId: f.caseId ?? '',
  };
}

/** Item scope for pushes: a district or unit sees the pushes it answers and the ones it initiated. */
export function pushScopeSql(scope: ItemScope | null): { sql: string; params: Record<string, string> } {
  if (!scope || scope.kind === 'all') return { sql: '1', params: {} };
  if (scope.kind === 'district') {
    return { sql: '(respondingDistrict = {scopeDistrict:String} OR initiatingDistrict = {scopeDistrict:String})', params: { scopeDistrict: scope.districtCode } };
  }
  return { sql: '(respondingUnit = {scopeUnit:String} OR initiatingUnit = {scopeUnit:String})', params: { scopeUnit: scope.unitCode } };
}

const timing = statusSql({ deadline: 'dueDate', answered: 'answered', answeredOn: 'answeredDate', asOf: '{asOf:Date}' });

/** The request's key filters on raw sanction_pushes columns (primary-key columns: read before grouping). */
const FILTER_WHERE = `({district:String} = '' OR responding_district_code = {district:String})
          AND ({unit:String} = '' OR responding_unit = {unit:String})
          AND ({measure:String} = '' OR measure_code = {measure:String})
          AND ({caseId:String} = '' OR case_id = {caseId:String})`;

/** The request's filters on a push's own attributes (after grouping). */
const FILTER_HAVING = `pushedDate BETWEEN {from:Date} AND {to:Date}
           AND ({kind:String} = '' OR kind = {kind:String})
           AND ({listType:String} = '' OR listType = {listType:String})`;

/**
 * The calendar half of every push (independent of asOf): one row per push of sanction_pushes rows matching `where`
 * (raw columns) whose attributes match `having`, with its latest attributes, pushed date, answer, due date and
 * calendar flag. Bound parameters: measureCodes, measureDays (filterParams / measureDayParams) and those of the
 * conditions. The cube is built from it (./cube.ts), so cube and live figures share one definition.
 */
export function pushRowsSql(where: string, having = '1'): string {
  return `
      SELECT *,
             ${deadlineSql('pushedDate', 'feedbackDays')} AS dueDate,
             ${knownSql('pushedDate', 'dueDate', 'answered', 'ifNull(answeredDate, pushedDate)')} AS calendarKnown
      FROM (
        -- argMax over the version tuples' subcolumns: the latest version's attributes (max() of a whole string tuple is slow)
        SELECT responding_district_code AS respondingDistrict, responding_unit AS respondingUnit, case_id AS caseId,
               measure_code AS measureCode,
               argMax(push_version.kind, push_version.received_at) AS kind,
               argMax(push_version.list_type, push_version.received_at) AS listType,
               argMax(push_version.unit_code, push_version.received_at) AS initiatingUnit,
               argMax(push_version.district_code, push_version.received_at) AS initiatingDistrict,
               argMax(push_version.subject_type, push_version.received_at) AS subjectType,
               argMax(push_version.subject_name, push_version.received_at) AS subjectName,
               argMax(push_version.subject_code, push_version.received_at) AS subjectCode,
               toDate(min(first_pushed_at)) AS pushedDate,
               max(answered) AS answered,
               toDate(min(first_answered_at)) AS answeredDate,
               argMax(answer_version.result, answer_version.received_at) AS result,
               argMax(answer_version.note, answer_version.received_at) AS note,
               -- the measure's feedback deadline, from bound reference arrays (no join per query)
               toUInt32(transform(measure_code, {measureCodes:Array(String)}, {measureDays:Array(UInt32)}, toUInt32(10))) AS feedbackDays
        FROM sanction_pushes
        WHERE ${where}
        GROUP BY responding_district_code, responding_unit, case_id, measure_code
        HAVING max(pushed) = 1 AND (${having})
      ) AS p`;
}

/**
 * The asOf half, on columns pushedDate, dueDate, answered, answeredDate (of pushRowsSql or sanction_items): the status
 * as of asOf (timelinessStatus in the shared vocabulary, status in the sanctions one), and, to compute only for the rows
 * shown, the working days from push to answer (when answered by asOf) and overdue (when overdue).
 */
export const STATUS_COLUMNS = `${timing.status} AS timelinessStatus,
           multiIf(timelinessStatus = 'on_time', 'answered_on_time', timelinessStatus = 'late', 'answered_late', timelinessStatus) AS status`;
export const FIGURE_COLUMNS = `if(${timing.answeredAsOf}, ${delaySql('pushedDate', 'answeredDate')}, NULL) AS answerDelay,
           if(${timing.overdue}, ${delaySql('dueDate', '{asOf:Date}')}, 0) AS workdaysOverdue`;

/**
 * Every push matching the filters, one row each, with its due date, answer, status as of asOf and working-day
 * figures. The one definition behind the KPI table, the funnel, the trend and the item lists (for the units whose
 * build is not current, and for the case filter).
 * `scopeSql` restricts to an item scope (items only; aggregates pass '1'); `keysSql` is a further condition on raw
 * sanction_pushes columns (e.g. the key ranges of some units).
 */
export function pushesSql(scopeSql = '1', keysSql = ''): string {
  return `
    SELECT *, ${STATUS_COLUMNS}, ${FIGURE_COLUMNS}
    FROM (${pushRowsSql(keysSql ? `${FILTER_WHERE}\n          AND ${keysSql}` : FILTER_WHERE, FILTER_HAVING)}
    )
    WHERE ${scopeSql}`;
}
