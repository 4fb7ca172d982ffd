import { z } from 'zod';
import type { ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { addDays } from '../../domain/calendar';
import { BASELINE, evaluateSeries, type DayVerdict, type WorkdayPoint } from './baseline';
import { filterParams, lastCompleteDay, type Filters } from './filters';
import { loadReference, type Reference } from './reference';

/**
 * Calendar days fetched before `from` for the baseline history: 210 days hold more than BASELINE.history (120)
 * working days even across the Spring Festival and National Day holidays.
 */
const HISTORY_CALENDAR_DAYS = 210;

const dayRow = z.object({ day: z.number(), date: z.string(), weekday: z.number() });
const unitRow = z.object({
  unitCode: z.string(),
  districtCode: z.string(),
  days: z.array(z.number()),
  accepted: z.array(z.number()),
});

type Series = { unitCode: string; districtCode: string; points: WorkdayPoint[]; firstEvaluated: number };

/** Per unit, the accepted volume (distinct keys by first receipt day) of every working day from the history start. */
async function loadSeries(f: Filters, onlyUnit?: string): Promise<{ last: string; series: Series[] }> {
  const last = lastCompleteDay(f);
  if (last < f.from) return { last, series: [] };
  const histFrom = addDays(f.from, -HISTORY_CALENDAR_DAYS);
  const p = { ...filterParams(f), histFrom, last };
  if (onlyUnit !== undefined) p.unit = onlyUnit;
  const [days, units] = await Promise.all([
    queryRows(
      `-- ingestion anomalies: working days
       SELECT toUInt32(c.date) AS day, toString(c.date) AS date, toDayOfWeek(c.date) AS weekday FROM calendar_days AS c FINAL
       WHERE c.is_workday = 1 AND c.date BETWEEN {histFrom:Date} AND {last:Date}
       ORDER BY c.date`,
      p,
      dayRow,
    ),
    // One row per unit with its (day number, volume) pairs: a few hundred rows whatever the data volume.
    queryRows(
      `-- ingestion anomalies: accepted volume per unit and day
       SELECT unit_code AS unitCode, any(district_code) AS districtCode,
              groupArray(toUInt32(d)) AS days, groupArray(n) AS accepted
       FROM (
         SELECT i.unit_code AS unit_code, any(i.district_code) AS district_code, i.day AS d, sum(i.accepted_new) AS n
         FROM ingest_daily AS i
         WHERE i.day BETWEEN {histFrom:Date} AND {last:Date}
           AND ({district:String} = '' OR i.district_code = {district:String})
           AND ({unit:String} = '' OR i.unit_code = {unit:String})
           AND ({catalog:String} = '' OR i.catalog_code = {catalog:String})
         GROUP BY i.unit_code, i.day
         HAVING n > 0
       )
       GROUP BY unit_code
       ORDER BY unit_code`,
      p,
      unitRow,
    ),
  ]);
  const index = new Map(days.map((d, i) => [d.day, i]));
  const found = days.findIndex((d) => d.date >= f.from);
  const firstEvaluated = found < 0 ? days.length : found;
  const series = units.map((u): Series => {
    const points = days.map((d) => ({ date: d.date, weekday: d.weekday, value: 0 }));
    u.days.forEach((day, k) => {
      const i = index.get(day);
      // A receipt on a day off is not part of the working-day series.
      if (i !== undefined) points[i]!.value += u.accepted[k]!;
    });
    return { unitCode: u.unitCode, districtCode: u.districtCode, points, firstEvaluated };
  });
  return { last, series };
}

export type AnomalyItem = DayVerdict & { unitCode: string; unitName: string; districtCode: string };

export type UnitAnomalySummary = {
  unitCode: string;
  unitName: string;
  districtCode: string;
  evaluatedDays: number;
  anomalousDays: number;
  /** Sum over the anomalous days of expected − actual volume. */
  shortfall: number;
  lastAnomaly: string | null;
  /** Median daily volume of the evaluated days (for context). */
  typicalVolume: number;
};

export type AnomalyAnswer = {
  from: string;
  /** Last evaluated day: the day before asOf, or `to`. */
  last: string;
  params: typeof BASELINE;
  units: UnitAnomalySummary[];
  items: AnomalyItem[];
};

/**
 * Volume anomalies (design.md §5) of every unit inside the filters over the working days of [from, last]:
 * see baseline.ts for the baseline and the rule. Units are listed when they have at least one anomalous day,
 * most anomalous days first; items are the anomalous unit-days, newest first.
 */
export async function volumeAnomalies(f: Filters, reference?: Reference): Promise<AnomalyAnswer> {
  const ref = reference ?? (await loadReference());
  const { last, series } = await loadSeries(f);
  const units: UnitAnomalySummary[] = [];
  const items: AnomalyItem[] = [];
  for (const s of series) {
    const verdicts = evaluateSeries(s.points, s.firstEvaluated);
    const bad = verdicts.filter((v) => v.anomaly);
    if (bad.length === 0) continue;
    const unitName = ref.unitByCode.get(s.unitCode)?.name ?? s.unitCode;
    for (const v of bad) items.push({ ...v, unitCode: s.unitCode, unitName, districtCode: s.districtCode });
    const values = verdicts.map((v) => v.value).sort((a, b) => a - b);
    const m = values.length >> 1;
    units.push({
      unitCode: s.unitCode,
      unitName,
      districtCode: s.districtCode,
      evaluatedDays: verdicts.length,
      anomalousDays: bad.length,
      shortfall: bad.reduce((sum, v) => sum + (v.expected - v.value), 0),
      lastAnomaly: bad[bad.length - 1]!.date,
      typicalVolume: values.length % 2 ? values[m]! : (values[m - 1]! + values[m]!) / 2,
    });
  }
  units.sort((a, b) => b.anomalousDays - a.anomalousDays || b.shortfall - a.shortfall || a.unitCode.localeCompare(b.unitCode));
  items.sort((a, b) => b.date.localeCompare(a.date) || a.unitCode.localeCompare(b.unitCode));
  return { from: f.from, last, params: BASELINE, units, items };
}

/** The anomalous unit-days one caller may see as items: the item scope applied on top of the filters. */
export function scopeAnomalies(items: AnomalyItem[], scope: ItemScope): AnomalyItem[] {
  if (scope.kind === 'all') return items;
  if (scope.kind === 'district') return items.filter((i) => i.districtCode === scope.districtCode);
  return items.filter((i) => i.unitCode === scope.unitCode);
}

/** One unit's daily volume with its baseline band over the working days of [from, last], for the chart. */
export async function unitBaseline(
  f: Filters,
  unitCode: string,
  reference?: Reference,
): Promise<{ unitCode: string; unitName: string; from: string; last: string; points: DayVerdict[] }> {
  const ref = reference ?? (await loadReference());
  const { last, series } = await loadSeries(f, unitCode);
  const s = series.find((x) => x.unitCode === unitCode);
  return {
    unitCode,
    unitName: ref.unitByCode.get(unitCode)?.name ?? unitCode,
    from: f.from,
    last,
    points: s ? evaluateSeries(s.points, s.firstEvaluated) : [],
  };
}
