/**
 * The big screen (大屏, issue 17): every figure it draws in one answer, so a wall display makes one request per
 * refresh. Nothing is computed here that an area does not already compute: the cockpit cards, the areas' KPI
 * functions grouped by district for the map, and the assessment ranking of the last closed month. This module
 * only picks the periods and the comparisons (month on month, year on year).
 */
import { lastCompletedMonth, shiftMonth } from '../../../shared/periodKeys';
import { addDays } from '../../domain/calendar';
import { listUnits } from '../../reference/queries';
import { assessmentRanking } from '../assessment/ranking';
import { ingestionKpi } from '../ingestion/kpi';
import { ingestionCard, publicityCard, sanctionsCard } from '../overview/cockpit';
import { publicityKpi } from '../publicity/kpi';
import { sanctionKpi } from '../sanctions/kpi';
import { overdueToday, type OverdueTodayRow } from './overdueToday';

export type RankedEntity = { code: string; name: string; shortName: string; total: number; rank: number; previousRank: number | null; movement: number | null };
export type DistrictFigures = { code: string; name: string; assessmentTotal: number | null; onTimeRate: number | null; feedbackRate: number | null; targetCompletion: number | null };
export type Change = { value: number | null; previous: number | null; change: number | null };

export type ScreenFigures = {
  asOf: string;
  /** The last closed month ('YYYY-MM'): the ranking's and the monthly rate's period. */
  month: string;
  ingestion: Awaited<ReturnType<typeof ingestionCard>>['ytd'];
  publicity: { month: Change & { lastYear: number | null; yoy: number | null }; ytd: Change };
  sanctions: { feedbackRate: number | null; timelyRate: number | null; target: number | null; pushes: number };
  districtRanking: RankedEntity[];
  unitTop: RankedEntity[];
  unitBottom: RankedEntity[];
  unitCount: number;
  overdueToday: { date: string; publicity: number; sanctions: number; units: OverdueTodayRow[] };
  trend: Array<{ month: string; accepted: number; onTimeRate: number | null; feedbackRate: number | null }>;
  districts: DistrictFigures[];
};

const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const monthEnd = (month: string) => addDays(`${shiftMonth(month, 1)}-01`, -1);
const ranked = (r: { code: string; name: string; shortName: string; total: number; rank: number; previousRank: number | null; movement: number | null }): RankedEntity => ({
  code: r.code, name: r.name, shortName: r.shortName, total: r.total, rank: r.rank, previousRank: r.previousRank, movement: r.movement,
});
/** Units shown at each end of the unit ranking. */
export const UNIT_ENDS = 5;

/** The same date a year earlier (29 February → 28 February). */
function yearEarlier(date: string): string {
  const y = String(Number(date.slice(0, 4)) - 1);
  const md = date.slice(5) === '02-29' ? '02-28' : date.slice(5);
  return `${y}-${md}`;
}

export async function screenFigures(asOf: string): Promise<ScreenFigures> {
  const month = lastCompletedMonth(asOf);
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  const lastYearAsOf = yearEarlier(asOf);
  const lastYearMonth = shiftMonth(month, -12);
  // Monthly on-time rates, statuses as of asOf: the closed month, the one before it and the same month last year.
  const monthly = (m: string) => publicityKpi({ from: `${m}-01`, to: monthEnd(m), asOf, groupBy: 'month' }).then((k) => k.total.onTimeRate);
  const [ingestion, publicity, sanctions, thisMonth, previousMonth, sameMonthLastYear, lastYearYtd, districtRanking, unitRanking, pubByDistrict, sanByDistrict, ingByDistrict, overdue] =
    await Promise.all([
      ingestionCard(asOf),
      publicityCard(asOf),
      sanctionsCard(asOf),
      monthly(month),
      monthly(shiftMonth(month, -1)),
      monthly(lastYearMonth),
      // Last year's year to date as it stood on the same day last year.
      publicityKpi({ from: `${lastYearAsOf.slice(0, 4)}-01-01`, to: lastYearAsOf, asOf: lastYearAsOf, groupBy: 'month' }).then((k) => k.total.onTimeRate),
      assessmentRanking({ period: month, level: 'district' }),
      assessmentRanking({ period: month, level: 'unit' }),
      publicityKpi({ from: yearStart, to: asOf, asOf, groupBy: 'district' }),
      sanctionKpi({ from: yearStart, to: asOf, asOf }, 'district'),
      ingestionKpi({ from: yearStart, to: asOf, asOf, district: '', unit: '', catalog: '' }, 'district'),
      overdueToday(asOf, listUnits),
    ]);
  const onTime = new Map(pubByDistrict.rows.map((r) => [r.key, r.onTimeRate]));
  const feedback = new Map(sanByDistrict.rows.map((r) => [r.key, r.feedbackRate]));
  const completion = new Map(ingByDistrict.rows.map((r) => [r.key, r.targetCompletion]));
  const sanctionTrend = new Map(sanctions.trend.map((t) => [t.month, t.feedbackRate]));
  const publicityTrend = new Map(publicity.trend.map((t) => [t.month, t.onTimeRate]));
  const units = unitRanking.rows.map(ranked);
  return {
    asOf,
    month,
    ingestion: ingestion.ytd,
    publicity: {
      month: { value: thisMonth, previous: previousMonth, change: diff(thisMonth, previousMonth), lastYear: sameMonthLastYear, yoy: diff(thisMonth, sameMonthLastYear) },
      ytd: { value: publicity.ytd.onTimeRate, previous: lastYearYtd, change: diff(publicity.ytd.onTimeRate, lastYearYtd) },
    },
    sanctions: { feedbackRate: sanctions.ytd.feedbackRate, timelyRate: sanctions.ytd.timelyRate, target: sanctions.target, pushes: sanctions.ytd.pushes },
    districtRanking: districtRanking.rows.map(ranked).sort((a, b) => a.rank - b.rank),
    unitTop: [...units].sort((a, b) => a.rank - b.rank).slice(0, UNIT_ENDS),
    unitBottom: [...units].sort((a, b) => b.rank - a.rank).slice(0, UNIT_ENDS),
    unitCount: units.length,
    overdueToday: overdue,
    trend: ingestion.trend.map((t) => ({ month: t.month, accepted: t.accepted, onTimeRate: publicityTrend.get(t.month) ?? null, feedbackRate: sanctionTrend.get(t.month) ?? null })),
    districts: districtRanking.rows.map((r) => ({
      code: r.code,
      name: r.name,
      assessmentTotal: r.total,
      onTimeRate: onTime.get(r.code) ?? null,
      feedbackRate: feedback.get(r.code) ?? null,
      targetCompletion: completion.get(r.code) ?? null,
    })),
  };
}
