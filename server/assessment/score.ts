/**
 * Scores an entity (district or unit) under a scheme, from its figures: pure, so the same inputs always give the same
 * scores, and every indicator carries its inputs and the rule that produced its points (the explanation).
 */
import { competitionRank, movement, round2, scoreIndicator, type IndicatorInputs, type ScoringMethod } from '../domain/scoring';
import type { Indicator, Metric } from '../../shared/assessmentScheme';

/** The figures of one entity for one period, as the dashboards compute them. */
export type EntityFigures = {
  ingestion: {
    /** Accepted distinct records from 1 January to the period end. */
    ytdAccepted: number;
    /** Annual target pro-rated to the period end by working days; null without a target. */
    proRatedTarget: number | null;
    annualTarget: number | null;
    acceptedRows: number;
    rejectedRows: number;
  };
  publicity: { onTime: number; late: number; overdue: number; pending: number };
  sanctions: { answeredOnTime: number; answeredLate: number; overdue: number; pending: number };
  /** Items of the supervision notices issued in the period, and how many the data shows rectified. */
  notices: { totalItems: number; rectifiedItems: number };
};

export const EMPTY_FIGURES: EntityFigures = {
  ingestion: { ytdAccepted: 0, proRatedTarget: null, annualTarget: null, acceptedRows: 0, rejectedRows: 0 },
  publicity: { onTime: 0, late: 0, overdue: 0, pending: 0 },
  sanctions: { answeredOnTime: 0, answeredLate: 0, overdue: 0, pending: 0 },
  notices: { totalItems: 0, rectifiedItems: 0 },
};

export type ManualEntry = { score: number; reason: string; enteredBy: string; enteredAt: string };

/** What an indicator's score rests on, shown in its explanation. */
export type ExplainedInputs = {
  numerator?: number;
  denominator?: number;
  rate?: number | null;
  actual?: number;
  target?: number | null;
  count?: number;
  manual?: (ManualEntry & { isDefault: false }) | { score: number | null; isDefault: true };
};

export type IndicatorResult = {
  code: string;
  name: string;
  metric: Metric;
  max: number;
  score: number;
  lost: number;
  rule: string;
  inputs: ExplainedInputs;
};

const ratio = (num: number, den: number) => (den === 0 ? null : num / den);

/** The inputs of a metric from the figures (the numerator/denominator definitions of design.md §5). */
export function metricInputs(metric: Metric, f: EntityFigures): ExplainedInputs {
  switch (metric) {
    case 'ingestion_target':
      return { actual: f.ingestion.ytdAccepted, target: f.ingestion.proRatedTarget };
    case 'ingestion_quality': {
      const den = f.ingestion.acceptedRows + f.ingestion.rejectedRows;
      return { numerator: f.ingestion.acceptedRows, denominator: den, rate: ratio(f.ingestion.acceptedRows, den) };
    }
    case 'publicity_on_time': {
      const den = f.publicity.onTime + f.publicity.late + f.publicity.overdue;
      return { numerator: f.publicity.onTime, denominator: den, rate: ratio(f.publicity.onTime, den) };
    }
    case 'publicity_overdue':
      return { count: f.publicity.overdue };
    case 'sanction_feedback': {
      const answered = f.sanctions.answeredOnTime + f.sanctions.answeredLate;
      const den = answered + f.sanctions.overdue;
      return { numerator: answered, denominator: den, rate: ratio(answered, den) };
    }
    case 'sanction_timely': {
      const den = f.sanctions.answeredOnTime + f.sanctions.answeredLate + f.sanctions.overdue;
      return { numerator: f.sanctions.answeredOnTime, denominator: den, rate: ratio(f.sanctions.answeredOnTime, den) };
    }
    case 'notice_rectification':
      return { numerator: f.notices.rectifiedItems, denominator: f.notices.totalItems, rate: ratio(f.notices.rectifiedItems, f.notices.totalItems) };
    case 'manual':
      return {};
  }
}

function toScoringMethod(ind: Indicator): ScoringMethod {
  const m = ind.method;
  switch (m.kind) {
    case 'rate':
      return { kind: 'rate', whenUndefined: m.whenUndefined };
    case 'threshold':
      return { kind: 'threshold', lo: m.lo, hi: m.hi };
    case 'deduction':
      return { kind: 'deduction', perItem: m.perItem };
    case 'target':
      return { kind: 'target' };
    case 'manual':
      return { kind: 'manual' };
  }
}

export function scoreOne(ind: Indicator, figures: EntityFigures, manual: ManualEntry | undefined): IndicatorResult {
  const inputs = metricInputs(ind.metric, figures);
  const method = toScoringMethod(ind);
  let scoringInputs: IndicatorInputs = {
    rate: inputs.rate,
    numerator: inputs.numerator,
    denominator: inputs.denominator,
    actual: inputs.actual,
    target: inputs.target ?? undefined,
    count: inputs.count,
  };
  let ruleOverride: string | null = null;
  if (ind.method.kind === 'manual') {
    if (manual) {
      inputs.manual = { ...manual, isDefault: false };
      scoringInputs = { manual: manual.score };
    } else {
      inputs.manual = { score: ind.method.defaultScore, isDefault: true };
      scoringInputs = { manual: ind.method.defaultScore };
      if (ind.method.defaultScore !== null) ruleOverride = `未录入，按默认分 ${ind.method.defaultScore} 计`;
    }
  }
  // A threshold on a rate with no denominator: nothing was due, so nothing was missed (full marks), as for `rate`.
  if (ind.method.kind === 'threshold' && inputs.rate === null) {
    return { code: ind.code, name: ind.name, metric: ind.metric, max: ind.maxPoints, score: ind.maxPoints, lost: 0, rule: '无应计项（分母为 0），得满分', inputs };
  }
  const s = scoreIndicator(ind.maxPoints, method, scoringInputs);
  return { code: ind.code, name: ind.name, metric: ind.metric, max: s.max, score: s.score, lost: s.lost, rule: ruleOverride ?? s.rule, inputs };
}

export type ScoredEntity = { code: string; total: number; indicators: IndicatorResult[] };

export function scoreEntity(
  code: string,
  indicators: readonly Indicator[],
  figures: EntityFigures,
  manual: ReadonlyMap<string, ManualEntry>,
): ScoredEntity {
  const results = indicators.map((ind) => scoreOne(ind, figures, manual.get(ind.code)));
  return { code, total: round2(results.reduce((s, r) => s + r.score, 0)), indicators: results };
}

export type RankedEntity<T> = T & { rank: number; previousRank: number | null; movement: number | null };

/**
 * Ranks scored entities (1, 2, 2, 4), ties in the reference order (`order`, then code) so the ranking is reproducible,
 * and attaches the previous period's rank and the movement.
 */
export function rankEntities<T extends { code: string; total: number }>(
  rows: readonly T[],
  order: ReadonlyMap<string, number>,
  previousRanks: ReadonlyMap<string, number>,
): Array<RankedEntity<T>> {
  const pos = (c: string) => order.get(c) ?? Number.MAX_SAFE_INTEGER;
  return competitionRank(rows, (a, b) => pos(a.code) - pos(b.code) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((r) => {
    const previousRank = previousRanks.get(r.code) ?? null;
    return { ...r, previousRank, movement: movement(previousRank, r.rank) };
  });
}
