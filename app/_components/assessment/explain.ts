/**
 * Words and links of an indicator's score (pure): its method in words, its inputs in words, the items behind it, the
 * movement arrow, and a district's highlight sentence of the monthly report. Labels come from app/_i18n/areas/assessment.ts.
 */
import type { Level, Method, Metric } from '@/shared/assessmentScheme';
import type { IndicatorResult } from '@/server/assessment/score';
import type { zh } from '@/app/_i18n/areas/assessment';
import { formatRate } from '../format';
import { fill } from '../publicity/filters';

export { fill };
export type Labels = typeof zh;

/** Points with at most two decimals, as the server rounds them (86.67, 98, 16.5). */
export const formatPoints = (n: number) => String(Math.round(n * 100) / 100);

const pct = (x: number) => `${Math.round(x * 10000) / 100}%`;

/** The scoring method in words, e.g. "阈值法：低于 80% 不得分，达到 95% 得满分，之间线性". */
export function methodText(method: Method, l: Labels): string {
  const m = l.methods;
  switch (method.kind) {
    case 'rate':
      return m.rate + fill(l.paren, { x: method.whenUndefined === 'zero' ? m.rateZero : m.rateFull });
    case 'target':
      return m.target;
    case 'threshold':
      return fill(m.threshold, { lo: pct(method.lo), hi: pct(method.hi) });
    case 'deduction':
      return fill(m.deduction, { perItem: formatPoints(method.perItem) });
    case 'manual':
      return m.manual + fill(l.paren, { x: method.defaultScore === null ? m.manualNoDefault : fill(m.manualDefault, { score: formatPoints(method.defaultScore) }) });
  }
}

type RateMetric = keyof Labels['inputs'] & keyof Labels['numShort'];
const isRateMetric = (m: Metric): m is RateMetric =>
  m === 'ingestion_quality' || m === 'publicity_on_time' || m === 'sanction_feedback' || m === 'sanction_timely' || m === 'notice_rectification';

/**
 * The inputs in words, e.g. "按时公示 12 ÷ 应公示（不含未到期） 15 = 80.0%"; empty when the caller may not read
 * them (the server sent no inputs).
 */
export function inputsText(ind: Pick<IndicatorResult, 'metric' | 'inputs'>, l: Labels): string {
  const i = ind.inputs;
  const w = l.inputs;
  if (i.manual) {
    if (!i.manual.isDefault) {
      return fill(w.manualEntered, { score: formatPoints(i.manual.score), reason: i.manual.reason, by: i.manual.enteredBy, at: i.manual.enteredAt.slice(0, 16) });
    }
    return i.manual.score === null ? w.manualNone : fill(w.manualDefault, { score: formatPoints(i.manual.score) });
  }
  if (i.count !== undefined) return fill(w.count, { count: i.count });
  if (i.actual !== undefined) {
    return i.target === null || i.target === undefined
      ? `${w.actual} ${i.actual.toLocaleString('zh-CN')}；${w.noTarget}`
      : `${w.actual} ${i.actual.toLocaleString('zh-CN')} ÷ ${w.target} ${i.target.toLocaleString('zh-CN')} = ${formatRate(i.target > 0 ? i.actual / i.target : null)}`;
  }
  if (i.numerator !== undefined && i.denominator !== undefined && isRateMetric(ind.metric)) {
    const names = w[ind.metric];
    if (i.denominator === 0) return w.noDenominator;
    return `${names.num} ${i.numerator.toLocaleString('zh-CN')} ÷ ${names.den} ${i.denominator.toLocaleString('zh-CN')} = ${formatRate(i.rate ?? i.numerator / i.denominator)}`;
  }
  return '';
}

export type ItemsWindow = { from: string; to: string; asOf: string };

/**
 * The page listing the items behind an indicator, narrowed to the entity, the period and the as-of date the score was
 * computed for: the items that cost points where the page can filter by status. Null for manual scores.
 */
export function itemsLink(metric: Metric, level: Level, code: string, w: ItemsWindow): string | null {
  const q = new URLSearchParams();
  const scope = () => q.set(level === 'district' ? 'district' : 'unit', code);
  switch (metric) {
    case 'publicity_on_time':
    case 'publicity_overdue':
      q.set('from', w.from);
      q.set('to', w.to);
      q.set('asOf', w.asOf);
      scope();
      q.set('status', metric === 'publicity_overdue' ? 'overdue' : 'late,overdue');
      return `/publicity/items?${q.toString()}`;
    case 'sanction_feedback':
    case 'sanction_timely':
      q.set('from', w.from);
      q.set('to', w.to);
      q.set('asOf', w.asOf);
      scope();
      return `/sanctions?${q.toString()}#overdue`;
    case 'ingestion_quality':
      q.set('from', w.from);
      q.set('to', w.to);
      scope();
      // The quality rate counts the volume streams' rows only (records, licences, penalties).
      q.set('volumeOnly', '1');
      return `/ingestion/rejected?${q.toString()}`;
    case 'ingestion_target':
      // The actual is accepted year to date: from 1 January of the period end's year.
      q.set('from', `${w.to.slice(0, 4)}-01-01`);
      q.set('to', w.to);
      scope();
      q.set('status', 'accepted');
      return `/ingestion/items?${q.toString()}`;
    case 'notice_rectification':
      scope();
      q.set('tab', 'notices');
      return `/inspection?${q.toString()}`;
    case 'manual':
      return null;
  }
}

export type MovementTone = 'up' | 'down' | 'same' | 'none';

/** ↑n (moved up), ↓n, — unchanged or no previous rank. */
export function movementMark(movement: number | null): { text: string; tone: MovementTone } {
  if (movement === null) return { text: '—', tone: 'none' };
  if (movement > 0) return { text: `↑${movement}`, tone: 'up' };
  if (movement < 0) return { text: `↓${-movement}`, tone: 'down' };
  return { text: '—', tone: 'same' };
}

export const MOVEMENT_CLASS: Record<MovementTone, string> = {
  up: 'text-emerald-700',
  down: 'text-red-700',
  same: 'text-slate-500',
  none: 'text-slate-300',
};

/** The movement in words: 上升 2 位 / 下降 1 位 / 名次不变 / 上期无排名. */
export function movementWords(movement: number | null, l: Labels): string {
  if (movement === null) return l.movementNone;
  if (movement > 0) return fill(l.movementUp, { n: movement });
  if (movement < 0) return fill(l.movementDown, { n: -movement });
  return l.movementSame;
}

/** The indicator that lost the most points (the first on a tie), or null when nothing was lost. */
export function biggestLoss<T extends Pick<IndicatorResult, 'lost'>>(indicators: readonly T[]): T | null {
  let worst: T | null = null;
  for (const i of indicators) if (i.lost > 0 && (!worst || i.lost > worst.lost)) worst = i;
  return worst;
}

/** The inputs behind a loss in a few words ("：按时 12/15"), empty when they are not readable. */
export function lossDetail(ind: Pick<IndicatorResult, 'metric' | 'inputs'>, l: Labels): string {
  const i = ind.inputs;
  const d = l.detailShort;
  if (i.manual) return d.manual;
  if (i.count !== undefined) return fill(d.count, { count: i.count });
  if (i.actual !== undefined && i.target !== undefined && i.target !== null) return fill(d.target, { actual: i.actual, target: i.target });
  if (i.numerator !== undefined && i.denominator !== undefined && isRateMetric(ind.metric)) {
    return fill(d.rate, { label: l.numShort[ind.metric], num: i.numerator, den: i.denominator });
  }
  return '';
}

export type HighlightRow = {
  name: string;
  total: number;
  rank: number;
  movement: number | null;
  indicators: ReadonlyArray<Pick<IndicatorResult, 'name' | 'metric' | 'inputs' | 'lost'>>;
};

/**
 * A district's line of the monthly report, e.g. "东城区本月得 86.67 分，排名第 3（上升 2 位）；失分最多的是 双公示按时率
 * （−8.33 分：按时 12/15）。"
 */
export function highlightText(row: HighlightRow, l: Labels): string {
  const head = fill(l.highlight, { name: row.name, total: formatPoints(row.total), rank: row.rank, movement: movementWords(row.movement, l) });
  const worst = biggestLoss(row.indicators);
  if (!worst) return head + l.highlightFull;
  return head + fill(l.highlightLoss, { indicator: worst.name, lost: formatPoints(worst.lost), detail: lossDetail(worst, l) });
}

/** The first and last three by rank (ties keep the table's order); names joined for the report. */
export function topAndBottom<T extends { name: string; rank: number; total: number }>(rows: readonly T[], n = 3): { top: T[]; bottom: T[] } {
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  return { top: sorted.slice(0, n), bottom: sorted.slice(Math.max(n, sorted.length - n)) };
}
