/**
 * The leaders' cockpit (总览): one card per area and a short list of what needs attention now. Every figure comes
 * from the areas' own metric functions (one source of truth); this module only picks the periods, sums months
 * into year-to-date figures and orders the attention list.
 *
 * Periods, all relative to asOf (default today, Asia/Shanghai):
 *   year to date  1 January of asOf's year .. asOf       the headline figure of each card;
 *   trend         the 12 months up to asOf's month       the sparklines (the last month is partial);
 *   month         1st of asOf's month .. asOf            silent units and missing submissions;
 *   recent        the 7 days before asOf                  volume anomalies (a day is judged once it is complete).
 * Overdue publicity decisions and sanction pushes are counted over the trend window (decision / pushed date in the
 * last 12 months, the default window of their pages), so the numbers equal what the linked pages list.
 */
import type { ItemScope } from '../../auth/roles';
import { addDays } from '../../domain/calendar';
import { annualTargets } from '../../reference/queries';
import { volumeAnomalies } from '../ingestion/anomalies';
import type { Filters } from '../ingestion/filters';
import { narrowToScope } from '../scope';
import { ingestionKpi } from '../ingestion/kpi';
import { submissionsByUnit } from '../ingestion/missing';
import { monthsBetween, startOfMonthsAgo } from '../months';
import { publicityKpi } from '../publicity/kpi';
import { sanctionKpi } from '../sanctions/kpi';
import { addCounts, sanctionRates, ZERO_COUNTS, type SanctionCounts } from '../sanctions/rates';

/** Days before asOf whose anomalies the attention list shows. */
export const RECENT_DAYS = 7;
/** Detail rows per attention group (the group's total is always shown). */
export const ATTENTION_TOP = 3;

export type CockpitPeriod = {
  asOf: string;
  /** 1 January of asOf's year: year-to-date figures run from here to asOf. */
  yearStart: string;
  /** First day of the trend window (the month 11 months before asOf's). */
  trendFrom: string;
  /** 1st of asOf's month. */
  monthStart: string;
  /** asOf's month, 'YYYY-MM' (the ranking card's period). */
  month: string;
  /** First day of the recent window for anomalies (asOf − 7). */
  recentFrom: string;
};

export function cockpitPeriod(asOf: string): CockpitPeriod {
  return {
    asOf,
    yearStart: `${asOf.slice(0, 4)}-01-01`,
    trendFrom: startOfMonthsAgo(asOf, 11),
    monthStart: `${asOf.slice(0, 7)}-01`,
    month: asOf.slice(0, 7),
    recentFrom: addDays(asOf, -RECENT_DAYS),
  };
}

const inYear = (p: CockpitPeriod) => (month: string) => month >= p.yearStart.slice(0, 7);
const ingestionFilters = (from: string, to: string, asOf: string): Filters => ({ from, to, asOf, district: '', unit: '', catalog: '' });

// ---------------------------------------------------------------------------------------------------------
// 归集

export type IngestionCard = {
  period: CockpitPeriod;
  /** Year to date: accepted distinct keys against the city's annual target (the sum of the district targets). */
  ytd: {
    accepted: number;
    target: number | null;
    binding: boolean | null;
    targetCompletion: number | null;
    projection: number | null;
    onTrack: boolean | null;
    qualityRate: number | null;
  };
  trend: Array<{ month: string; accepted: number; qualityRate: number | null }>;
};

/** ingestionKpi by month over the trend window: its total carries the year-to-date target figures. */
export async function ingestionCard(asOf: string): Promise<IngestionCard> {
  const period = cockpitPeriod(asOf);
  const kpi = await ingestionKpi(ingestionFilters(period.trendFrom, asOf, asOf), 'month');
  const year = kpi.rows.filter((r) => inYear(period)(r.key));
  const acceptedRows = year.reduce((s, r) => s + r.acceptedRows, 0);
  const rejectedRows = year.reduce((s, r) => s + r.rejectedRows, 0);
  return {
    period,
    ytd: {
      accepted: kpi.total.ytdAccepted ?? 0,
      target: kpi.total.target,
      binding: kpi.total.binding,
      targetCompletion: kpi.total.targetCompletion,
      projection: kpi.total.projection,
      onTrack: kpi.total.onTrack,
      qualityRate: acceptedRows + rejectedRows === 0 ? null : acceptedRows / (acceptedRows + rejectedRows),
    },
    trend: kpi.rows.map((r) => ({ month: r.key, accepted: r.accepted, qualityRate: r.qualityRate })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// 双公示

export type PublicityCard = {
  period: CockpitPeriod;
  /** The binding target: every decision published within 7 working days. */
  target: number;
  /** Decisions of this year (decision date), status as of asOf; pending ones are in no rate. */
  ytd: { due: number; onTime: number; late: number; overdue: number; pending: number; onTimeRate: number | null };
  trend: Array<{ month: string; due: number; onTimeRate: number | null }>;
  calendarWarning: boolean;
};

/** publicityKpi by month of decision over the trend window; the year to date is the sum of this year's months. */
export async function publicityCard(asOf: string): Promise<PublicityCard> {
  const period = cockpitPeriod(asOf);
  const kpi = await publicityKpi({ from: period.trendFrom, to: asOf, asOf, groupBy: 'month' });
  const year = kpi.rows.filter((r) => inYear(period)(r.key));
  const sum = (k: 'onTime' | 'late' | 'overdue' | 'pending') => year.reduce((s, r) => s + r[k], 0);
  const onTime = sum('onTime');
  const late = sum('late');
  const overdue = sum('overdue');
  const due = onTime + late + overdue;
  return {
    period,
    target: kpi.target,
    ytd: { due, onTime, late, overdue, pending: sum('pending'), onTimeRate: due === 0 ? null : onTime / due },
    trend: kpi.rows.map((r) => ({ month: r.key, due: r.due, onTimeRate: r.onTimeRate })),
    calendarWarning: kpi.calendarWarning,
  };
}

// ---------------------------------------------------------------------------------------------------------
// 联合奖惩

export type SanctionsCard = {
  period: CockpitPeriod;
  /** The city's feedback-rate target: the districts' target for asOf's year when they all share one, else null. */
  target: number | null;
  binding: boolean | null;
  /** Pushes of this year (pushed date), status as of asOf. */
  ytd: SanctionCounts & { feedbackRate: number | null; timelyRate: number | null; executionRate: number | null };
  trend: Array<{ month: string; pushes: number; feedbackRate: number | null; timelyRate: number | null }>;
  calendarWarning: boolean;
};


/** The feedback-rate target of every district for a year (targets are set per unit and per district). */
async function cityFeedbackTarget(year: number): Promise<{ target: number | null; binding: boolean | null }> {
  const rows = await annualTargets(year, 'district', 'sanction_feedback_rate');
  const values = new Set(rows.map((r) => r.target));
  if (rows.length === 0 || values.size !== 1) return { target: null, binding: null };
  return { target: rows[0]!.target, binding: rows.every((r) => r.binding) };
}

/** sanctionKpi by pushed month over the trend window; the year to date is the sum of this year's months. */
export async function sanctionsCard(asOf: string): Promise<SanctionsCard> {
  const period = cockpitPeriod(asOf);
  const [kpi, target] = await Promise.all([
    sanctionKpi({ from: period.trendFrom, to: asOf, asOf }, 'month'),
    cityFeedbackTarget(Number(asOf.slice(0, 4))),
  ]);
  const byMonth = new Map(kpi.rows.map((r) => [r.key, r]));
  const counts = kpi.rows.filter((r) => inYear(period)(r.key)).reduce<SanctionCounts>((acc, r) => addCounts(acc, r), ZERO_COUNTS);
  return {
    period,
    ...target,
    ytd: { ...counts, ...sanctionRates(counts) },
    // sanctionKpi lists only months with pushes: the trend shows every month, empty ones without a rate.
    trend: monthsBetween(period.trendFrom, asOf).map((month) => {
      const r = byMonth.get(month);
      return { month, pushes: r?.pushes ?? 0, feedbackRate: r?.feedbackRate ?? null, timelyRate: r?.timelyRate ?? null };
    }),
    calendarWarning: kpi.calendarWarning,
  };
}

// ---------------------------------------------------------------------------------------------------------
// What needs attention now

export type UnitCount = { unitCode: string; unitName: string; count: number };

export type Attention = {
  period: CockpitPeriod;
  /** The item scope the list was computed in ('all', or the caller's district or unit). */
  scope: ItemScope;
  /** Decisions (decision date in the trend window) unpublished past their deadline, with the units holding most. */
  publicityOverdue: { total: number; units: UnitCount[]; unitsTotal: number };
  /** Pushes (pushed in the trend window) not answered by their due date, with the responding units owing most. */
  sanctionOverdue: { total: number; units: UnitCount[]; unitsTotal: number };
  /**
   * This month's completed submission windows with nothing received, and the silent units: units that owe at least one
   * of them and have sent nothing at all (any stream) since the 1st.
   */
  missing: {
    /** Last day whose windows are judged (the day before asOf); before monthStart nothing is due yet. */
    last: string;
    windows: number;
    units: number;
    silent: Array<UnitCount & { lastReceivedAt: string | null }>;
    silentTotal: number;
  };
  /** Units with anomalous days among the RECENT_DAYS days before asOf, most anomalous days first. */
  anomalies: { days: number; units: Array<UnitCount & { lastAnomaly: string | null }>; unitsTotal: number };
};

/** The code filters that restrict a figure to an item scope (district or unit columns of each area). */
function scopeFilter(scope: ItemScope): { district?: string; unit?: string } {
  if (scope.kind === 'district') return { district: scope.districtCode };
  if (scope.kind === 'unit') return { unit: scope.unitCode };
  return {};
}

const top = <T extends { count: number; unitCode: string }>(rows: T[]) =>
  rows
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count || a.unitCode.localeCompare(b.unitCode))
    .slice(0, ATTENTION_TOP);

/**
 * The attention list within the caller's item scope: the per-unit figures are filtered to the scope's district or
 * unit (the same columns the item lists scope on), so a district official sees only their own units.
 */
export async function attentionList(scope: ItemScope, asOf: string): Promise<Attention> {
  const period = cockpitPeriod(asOf);
  const codes = scopeFilter(scope);
  const window = { from: period.trendFrom, to: asOf, asOf };
  const month = narrowToScope(ingestionFilters(period.monthStart, asOf, asOf), scope);
  const recent = narrowToScope(ingestionFilters(period.recentFrom, asOf, asOf), scope);
  const [publicity, sanctions, submissions, anomalies] = await Promise.all([
    publicityKpi({ ...window, ...codes, groupBy: 'unit' }),
    sanctionKpi({ ...window, ...codes }, 'unit'),
    month ? submissionsByUnit(month) : null,
    recent ? volumeAnomalies(recent) : null,
  ]);

  const silent = (submissions?.rows ?? [])
    .filter((r) => r.missing > 0 && (r.lastReceivedAt === null || r.lastReceivedAt.slice(0, 10) < period.monthStart))
    .map((r) => ({ unitCode: r.unitCode, unitName: r.unitName, count: r.missing, lastReceivedAt: r.lastReceivedAt }));
  const anomalyUnits = (anomalies?.units ?? []).map((u) => ({
    unitCode: u.unitCode,
    unitName: u.unitName,
    count: u.anomalousDays,
    lastAnomaly: u.lastAnomaly,
  }));

  return {
    period,
    scope,
    publicityOverdue: {
      total: publicity.total.overdue,
      units: top(publicity.rows.map((r) => ({ unitCode: r.key, unitName: r.name, count: r.overdue }))),
      unitsTotal: publicity.rows.filter((r) => r.overdue > 0).length,
    },
    sanctionOverdue: {
      total: sanctions.total.overdue,
      units: top(sanctions.rows.map((r) => ({ unitCode: r.key, unitName: r.name, count: r.overdue }))),
      unitsTotal: sanctions.rows.filter((r) => r.overdue > 0).length,
    },
    missing: {
      last: submissions?.last ?? addDays(asOf, -1),
      windows: submissions?.totals.missing ?? 0,
      units: (submissions?.rows ?? []).filter((r) => r.missing > 0).length,
      silent: top(silent),
      silentTotal: silent.length,
    },
    anomalies: {
      days: anomalyUnits.reduce((s, u) => s + u.count, 0),
      units: top(anomalyUnits),
      unitsTotal: anomalyUnits.length,
    },
  };
}
