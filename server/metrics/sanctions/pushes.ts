import { z } from 'zod';
import type { ItemScope } from '../../auth/roles';
import { deadlineSql, delaySql, knownSql, statusSql } from '../publicity/timeliness';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)');

/** Filters shared by every sanctions figure: pushed date in [from, to], status as of asOf. */
export const sanctionFilters = z.object({
  from: isoDate,
  to: isoDate,
  asOf: isoDate,
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

export function filterParams(f: SanctionFilters): Record<string, unknown> {
  return {
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

/**
 * Every push matching the filters, one row each, with its due date, answer, status as of asOf and working-day
 * figures. The one definition behind the KPI table, the funnel, the trend and the item lists.
 * `scopeSql` restricts to an item scope (items only; aggregates pass '1').
 */
export function pushesSql(scopeSql = '1'): string {
  return `
    SELECT *,
           ${timing.status} AS timelinessStatus,
           multiIf(timelinessStatus = 'on_time', 'answered_on_time', timelinessStatus = 'late', 'answered_late', timelinessStatus) AS status,
           if(${timing.answeredAsOf}, ${delaySql('pushedDate', 'answeredDate')}, NULL) AS answerDelay,
           if(${timing.overdue}, ${delaySql('dueDate', '{asOf:Date}')}, 0) AS workdaysOverdue
    FROM (
      SELECT *,
             ${deadlineSql('pushedDate', 'feedbackDays')} AS dueDate,
             ${knownSql('pushedDate', 'dueDate', 'answered', 'ifNull(answeredDate, pushedDate)')} AS calendarKnown
      FROM (
        SELECT responding_district_code AS respondingDistrict, responding_unit AS respondingUnit, case_id AS caseId,
               measure_code AS measureCode,
               tupleElement(max(push_version), 'kind') AS kind,
               tupleElement(max(push_version), 'list_type') AS listType,
               tupleElement(max(push_version), 'unit_code') AS initiatingUnit,
               tupleElement(max(push_version), 'district_code') AS initiatingDistrict,
               tupleElement(max(push_version), 'subject_type') AS subjectType,
               tupleElement(max(push_version), 'subject_name') AS subjectName,
               tupleElement(max(push_version), 'subject_code') AS subjectCode,
               toDate(min(first_pushed_at)) AS pushedDate,
               max(answered) AS answered,
               toDate(min(first_answered_at)) AS answeredDate,
               tupleElement(max(answer_version), 'result') AS result,
               tupleElement(max(answer_version), 'note') AS note
        FROM sanction_pushes
        WHERE ({district:String} = '' OR responding_district_code = {district:String})
          AND ({unit:String} = '' OR responding_unit = {unit:String})
          AND ({measure:String} = '' OR measure_code = {measure:String})
          AND ({caseId:String} = '' OR case_id = {caseId:String})
        GROUP BY responding_district_code, responding_unit, case_id, measure_code
        HAVING max(pushed) = 1
           AND pushedDate BETWEEN {from:Date} AND {to:Date}
           AND ({kind:String} = '' OR kind = {kind:String})
           AND ({listType:String} = '' OR listType = {listType:String})
      ) AS p
      LEFT JOIN (SELECT code, toUInt32(feedback_days) AS feedbackDays FROM measures FINAL) AS m ON m.code = p.measureCode
    )
    WHERE ${scopeSql}`;
}
