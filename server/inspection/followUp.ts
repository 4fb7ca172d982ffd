/**
 * Follow-up figures of supervision notices (督办跟踪), per unit and per district, for the 督查 page and as inputs the
 * assessment scheme can use. Notices issued in [from, to] (issue date, up to asOf), each as it stood on asOf:
 *   issued             notices issued in the period
 *   open               of those, not every item rectified by asOf
 *   overdueForReply    of those, not acknowledged by asOf while asOf is past the reply deadline
 *   overdueOpen        of those, open and past the reply deadline
 *   totalItems         items of those notices
 *   rectifiedItems     items rectified by asOf (the date the data shows)
 *   rectifiedLate      of those, rectified after the notice's reply deadline
 *   rectificationRate  rectifiedItems / totalItems, null when there are no items
 * Rectification is recorded when data is committed (server/inspection/rectification.ts); a read writes nothing. Like every aggregate, city-wide for every role. A unit
 * belongs to the district it had when the notice was issued; every unit and district is listed, zeros included.
 */
import { z } from 'zod';
import { queryRows } from '../db/query';
import { LAST_12_MONTHS, periodShape, resolvedPeriod } from '../domain/period';
import { listDistricts, listUnits } from '../reference/queries';
import { countAdder } from '../metrics/counts';

export type FollowUpCounts = {
  issued: number;
  open: number;
  overdueForReply: number;
  overdueOpen: number;
  totalItems: number;
  rectifiedItems: number;
  rectifiedLate: number;
};
export type FollowUpRow = FollowUpCounts & { key: string; name: string; districtCode?: string; rectificationRate: number | null };
export type FollowUpFigures = { from: string; to: string; asOf: string; units: FollowUpRow[]; districts: FollowUpRow[]; total: FollowUpRow };

const perUnit = z.object({
  unitCode: z.string(),
  districtCode: z.string(),
  issued: z.number(),
  open: z.number(),
  overdueForReply: z.number(),
  overdueOpen: z.number(),
  totalItems: z.number(),
  rectifiedItems: z.number(),
  rectifiedLate: z.number(),
});

const ZERO: FollowUpCounts = { issued: 0, open: 0, overdueForReply: 0, overdueOpen: 0, totalItems: 0, rectifiedItems: 0, rectifiedLate: 0 };
const add = countAdder(ZERO);
export const rectificationRate = (c: Pick<FollowUpCounts, 'rectifiedItems' | 'totalItems'>) => (c.totalItems === 0 ? null : c.rectifiedItems / c.totalItems);

/** The period of the follow-up figures, resolved in the schema: the last 12 months of notices up to asOf = today. */
export const followUpInput = z.object(periodShape).transform(resolvedPeriod(LAST_12_MONTHS));

/** The figures for a period (see the module comment). */
export async function followUpFigures(period: { from: string; to: string; asOf: string }): Promise<FollowUpFigures> {
  const rows = await queryRows(
    `-- inspection: follow-up figures per unit
     WITH sel AS (SELECT * FROM notices WHERE issued_on BETWEEN {from:Date} AND {to:Date} AND issued_on <= {asOf:Date}),
          ev AS (
            SELECT notice_id, event, item_no, argMin(on_date, at) AS first_on FROM notice_events
            WHERE notice_id IN (SELECT notice_id FROM sel) GROUP BY notice_id, event, item_no
          ),
          items AS (SELECT notice_id, count() AS total FROM notice_items WHERE notice_id IN (SELECT notice_id FROM sel) GROUP BY notice_id),
          per_notice AS (
            SELECT n.notice_id AS notice_id, any(n.unit_code) AS unit_code, any(n.district_code) AS district_code,
                   any(n.reply_deadline) AS reply_deadline, any(i.total) AS total,
                   countIf(e.event = 'rectified' AND e.first_on <= {asOf:Date}) AS rectified,
                   countIf(e.event = 'rectified' AND e.first_on <= {asOf:Date} AND e.first_on > n.reply_deadline) AS rectified_late,
                   countIf(e.event = 'acknowledged' AND e.first_on <= {asOf:Date}) > 0 AS acknowledged
            FROM sel AS n
            LEFT JOIN items AS i ON i.notice_id = n.notice_id
            LEFT JOIN ev AS e ON e.notice_id = n.notice_id
            GROUP BY n.notice_id
          )
     SELECT unit_code AS unitCode, district_code AS districtCode, count() AS issued,
            countIf(rectified < total) AS open,
            countIf(NOT acknowledged AND {asOf:Date} > reply_deadline) AS overdueForReply,
            countIf(rectified < total AND {asOf:Date} > reply_deadline) AS overdueOpen,
            sum(total) AS totalItems, sum(rectified) AS rectifiedItems, sum(rectified_late) AS rectifiedLate
     FROM per_notice
     GROUP BY unit_code, district_code`,
    period,
    perUnit,
  );
  const [units, districts] = await Promise.all([listUnits(), listDistricts()]);
  const byUnit = new Map<string, FollowUpCounts & { districtCode: string }>();
  const byDistrict = new Map<string, FollowUpCounts>();
  for (const { unitCode, districtCode, ...c } of rows) {
    byUnit.set(unitCode, { ...add(byUnit.get(unitCode) ?? ZERO, c), districtCode });
    byDistrict.set(districtCode, add(byDistrict.get(districtCode) ?? ZERO, c));
  }
  const row = (key: string, name: string, c: FollowUpCounts, districtCode?: string): FollowUpRow => {
    const counts: FollowUpCounts = { issued: c.issued, open: c.open, overdueForReply: c.overdueForReply, overdueOpen: c.overdueOpen, totalItems: c.totalItems, rectifiedItems: c.rectifiedItems, rectifiedLate: c.rectifiedLate };
    return { key, name, ...(districtCode === undefined ? {} : { districtCode }), ...counts, rectificationRate: rectificationRate(counts) };
  };
  const unitRows = units.map((u) => row(u.code, u.name, byUnit.get(u.code) ?? ZERO, byUnit.get(u.code)?.districtCode ?? u.districtCode));
  const districtRows = districts.map((d) => row(d.code, d.name, byDistrict.get(d.code) ?? ZERO));
  const total = row('total', '合计', rows.reduce<FollowUpCounts>((acc, r) => add(acc, r), ZERO));
  return { ...period, units: unitRows, districts: districtRows, total };
}
