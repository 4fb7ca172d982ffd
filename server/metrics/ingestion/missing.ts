import { z } from 'zod';
import type { ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { filterParams, lastCompleteDay, type Filters } from './filters';
import { loadReference, provides, unitsInScope, type Reference } from './reference';

/** Frequencies that promise data in every window; `realtime` items (XK, CF) are sent as decisions happen. */
export const EXPECTED_FREQUENCIES = ['daily', 'weekly', 'monthly', 'quarterly'] as const;
export type ExpectedFrequency = (typeof EXPECTED_FREQUENCIES)[number];

export type MissingWindow = {
  unitCode: string;
  unitName: string;
  districtCode: string;
  catalogCode: string;
  catalogName: string;
  frequency: ExpectedFrequency;
  windowStart: string;
  windowEnd: string;
  /** Last day anything of this item was received from the unit, up to asOf ('' when never). */
  lastReceivedDay: string;
};

/**
 * The SQL of the expected (unit, catalog item, window) triples of [from, last]:
 * - pairs: a unit is expected to provide an item when its kind is among the item's provider kinds, and the item's
 *   frequency is daily, weekly, monthly or quarterly;
 * - windows lie wholly inside [from, last] (last = the day before asOf, or `to` when earlier): every working day
 *   (holiday-aware calendar) for daily items, ISO weeks (Monday–Sunday) with at least one working day for weekly
 *   items, calendar months and quarters;
 * - a window is satisfied by any accepted row of the item from the unit received in it (ingest_daily, receipt day).
 */
const EXPECTED_CTES = `
  pairs AS (
    SELECT u.code AS unit_code, u.district_code AS district_code, c.code AS catalog_code, c.frequency AS frequency
    FROM (SELECT code, district_code, kind FROM units FINAL) AS u
    INNER JOIN (SELECT code, frequency, arrayJoin(provider_kinds) AS kind FROM catalog_items FINAL) AS c ON c.kind = u.kind
    WHERE c.frequency IN ('daily', 'weekly', 'monthly', 'quarterly')
      AND ({district:String} = '' OR u.district_code = {district:String})
      AND ({unit:String} = '' OR u.code = {unit:String})
      AND ({catalog:String} = '' OR c.code = {catalog:String})
  ),
  days AS (
    SELECT date, is_workday FROM calendar_days FINAL WHERE date BETWEEN {from:Date} AND {last:Date}
  ),
  windows AS (
    SELECT 'daily' AS frequency, date AS w_start, date AS w_end FROM days WHERE is_workday = 1
    UNION ALL
    SELECT 'weekly', toMonday(date) AS ws, max(date) AS we FROM days GROUP BY ws
    HAVING ws >= {from:Date} AND addDays(ws, 6) <= {last:Date} AND sum(is_workday) > 0
    UNION ALL
    SELECT 'monthly', toStartOfMonth(date) AS ms, max(date) AS me FROM days GROUP BY ms
    HAVING ms >= {from:Date} AND toLastDayOfMonth(ms) <= {last:Date}
    UNION ALL
    SELECT 'quarterly', toStartOfQuarter(date) AS qs, max(date) AS qe FROM days GROUP BY qs
    HAVING qs >= {from:Date} AND addDays(addQuarters(qs, 1), -1) <= {last:Date}
  ),
  expected AS (
    SELECT p.unit_code AS unit_code, p.district_code AS district_code, p.catalog_code AS catalog_code,
           p.frequency AS frequency, w.w_start AS w_start, w.w_end AS w_end
    FROM pairs AS p INNER JOIN windows AS w ON w.frequency = p.frequency
  ),
  sent AS (
    SELECT DISTINCT p.unit_code AS unit_code, p.catalog_code AS catalog_code, toUInt8(1) AS hit,
           multiIf(p.frequency = 'daily', d.day, p.frequency = 'weekly', toMonday(d.day),
                   p.frequency = 'monthly', toStartOfMonth(d.day), toStartOfQuarter(d.day)) AS w_start
    FROM (
      SELECT unit_code, catalog_code, day FROM ingest_daily
      WHERE day BETWEEN {from:Date} AND {last:Date} AND accepted_rows > 0
        AND ({district:String} = '' OR district_code = {district:String})
        AND ({unit:String} = '' OR unit_code = {unit:String})
        AND ({catalog:String} = '' OR catalog_code = {catalog:String})
      GROUP BY unit_code, catalog_code, day
    ) AS d
    INNER JOIN pairs AS p ON p.unit_code = d.unit_code AND p.catalog_code = d.catalog_code
  )`;

const missingRow = z.object({
  unitCode: z.string(),
  districtCode: z.string(),
  catalogCode: z.string(),
  frequency: z.enum(EXPECTED_FREQUENCIES),
  windowStart: z.string(),
  windowEnd: z.string(),
});
const perUnitRow = z.object({
  unitCode: z.string(),
  frequency: z.enum(EXPECTED_FREQUENCIES),
  expected: z.number(),
  missing: z.number(),
  missingItems: z.array(z.string()),
});
const lastItemRow = z.object({ unitCode: z.string(), catalogCode: z.string(), lastDay: z.string() });

function params(f: Filters) {
  return { ...filterParams(f), from: f.from, last: lastCompleteDay(f) };
}

/** Every missing (unit, catalog item, window) inside the filters, newest window first. */
export async function missingWindows(f: Filters, reference?: Reference): Promise<MissingWindow[]> {
  const p = params(f);
  if (p.last < p.from) return [];
  const ref = reference ?? (await loadReference());
  const [rows, last] = await Promise.all([
    queryRows(
      `-- ingestion: missing submissions
       WITH ${EXPECTED_CTES}
       SELECT e.unit_code AS unitCode, e.district_code AS districtCode, e.catalog_code AS catalogCode,
              e.frequency AS frequency, toString(e.w_start) AS windowStart, toString(e.w_end) AS windowEnd
       FROM expected AS e
       LEFT ANTI JOIN sent AS s ON s.unit_code = e.unit_code AND s.catalog_code = e.catalog_code AND s.w_start = e.w_start
       ORDER BY e.w_start DESC, e.unit_code, e.catalog_code`,
      p,
      missingRow,
    ),
    queryRows(
      `-- ingestion: last receipt per unit and catalog item
       SELECT unit_code AS unitCode, catalog_code AS catalogCode, toString(max(day)) AS lastDay
       FROM ingest_daily
       WHERE day <= {asOf:Date}
         AND ({district:String} = '' OR district_code = {district:String})
         AND ({unit:String} = '' OR unit_code = {unit:String})
         AND ({catalog:String} = '' OR catalog_code = {catalog:String})
       GROUP BY unit_code, catalog_code`,
      { ...filterParams(f), asOf: f.asOf },
      lastItemRow,
    ),
  ]);
  const lastBy = new Map(last.map((l) => [`${l.unitCode}\u0001${l.catalogCode}`, l.lastDay]));
  return rows.map((r) => ({
    ...r,
    unitName: ref.unitByCode.get(r.unitCode)?.name ?? r.unitCode,
    catalogName: ref.catalogByCode.get(r.catalogCode)?.name ?? r.catalogCode,
    lastReceivedDay: lastBy.get(`${r.unitCode}\u0001${r.catalogCode}`) ?? '',
  }));
}

/** The missing windows one caller may see as items: the item scope applied on top of the filters. */
export function scopeMissing(items: MissingWindow[], scope: ItemScope): MissingWindow[] {
  if (scope.kind === 'all') return items;
  if (scope.kind === 'district') return items.filter((i) => i.districtCode === scope.districtCode);
  return items.filter((i) => i.unitCode === scope.unitCode);
}

export type UnitSubmissionRow = {
  unitCode: string;
  unitName: string;
  districtCode: string;
  /** Expected windows in the period, all frequencies. */
  expected: number;
  missing: number;
  missingByFrequency: Record<ExpectedFrequency, number>;
  /** Catalog items with at least one missing window. */
  itemsMissing: number;
  /** Last batch the unit sent (any stream, accepted or not), up to asOf; null when never. */
  lastReceivedAt: string | null;
  /** Working days from that receipt's day to asOf; null when never. */
  workdaysSinceLast: number | null;
};

const lastSeenRow = z.object({ unitCode: z.string(), lastReceivedAt: z.string(), workdaysSince: z.number() });

/**
 * Missing submissions per unit with the last time each unit sent anything: every unit inside the filters (with a
 * catalog filter, the units expected to provide the item), most missing windows first.
 */
export async function submissionsByUnit(
  f: Filters,
  reference?: Reference,
): Promise<{ from: string; last: string; rows: UnitSubmissionRow[]; totals: { expected: number; missing: number } }> {
  const ref = reference ?? (await loadReference());
  const p = params(f);
  const empty = p.last < p.from;
  const [perUnit, lastSeen] = await Promise.all([
    empty
      ? Promise.resolve([])
      : queryRows(
          `-- ingestion: expected and missing windows per unit
           WITH ${EXPECTED_CTES}
           SELECT e.unit_code AS unitCode, e.frequency AS frequency, count() AS expected,
                  countIf(s.hit = 0) AS missing, groupUniqArrayIf(e.catalog_code, s.hit = 0) AS missingItems
           FROM expected AS e
           LEFT JOIN sent AS s ON s.unit_code = e.unit_code AND s.catalog_code = e.catalog_code AND s.w_start = e.w_start
           GROUP BY e.unit_code, e.frequency`,
          p,
          perUnitRow,
        ),
    queryRows(
      `-- ingestion: last receipt per unit
       SELECT unit_code AS unitCode, toString(max(received_at)) AS lastReceivedAt,
              toInt64(dictGetOrDefault('calendar_by_date', 'workday_no', {asOf:Date}, toUInt32(0)))
                - toInt64(dictGetOrDefault('calendar_by_date', 'workday_no', toDate(max(received_at)), toUInt32(0))) AS workdaysSince
       FROM ingest_batches
       WHERE toDate(received_at) <= {asOf:Date}
         AND ({district:String} = '' OR district_code = {district:String})
         AND ({unit:String} = '' OR unit_code = {unit:String})
       GROUP BY unit_code`,
      { ...filterParams(f), asOf: f.asOf },
      lastSeenRow,
    ),
  ]);
  const item = f.catalog ? ref.catalogByCode.get(f.catalog) : undefined;
  const units = unitsInScope(ref, f).filter((u) => !f.catalog || (item !== undefined && provides(u, item)));
  const seen = new Map(lastSeen.map((l) => [l.unitCode, l]));
  const byUnit = new Map<string, typeof perUnit>();
  for (const r of perUnit) {
    const list = byUnit.get(r.unitCode);
    if (list) list.push(r);
    else byUnit.set(r.unitCode, [r]);
  }
  const rows = units.map((u): UnitSubmissionRow => {
    const own = byUnit.get(u.code) ?? [];
    const byFrequency = { daily: 0, weekly: 0, monthly: 0, quarterly: 0 };
    for (const r of own) byFrequency[r.frequency] += r.missing;
    const last = seen.get(u.code);
    return {
      unitCode: u.code,
      unitName: u.name,
      districtCode: u.districtCode,
      expected: own.reduce((sum, r) => sum + r.expected, 0),
      missing: own.reduce((sum, r) => sum + r.missing, 0),
      missingByFrequency: byFrequency,
      itemsMissing: new Set(own.flatMap((r) => r.missingItems)).size,
      lastReceivedAt: last?.lastReceivedAt ?? null,
      workdaysSinceLast: last ? last.workdaysSince : null,
    };
  });
  rows.sort((a, b) => b.missing - a.missing || (b.workdaysSinceLast ?? 1e9) - (a.workdaysSinceLast ?? 1e9) || a.unitCode.localeCompare(b.unitCode));
  return {
    from: f.from,
    last: p.last,
    rows,
    totals: { expected: rows.reduce((s, r) => s + r.expected, 0), missing: rows.reduce((s, r) => s + r.missing, 0) },
  };
}
