/**
 * Assessment scoring (design.md §5), pure. An indicator has a maximum and a method; its score comes with the inputs
 * and the rule that produced it, so every point can be explained.
 */
export type ScoringMethod =
  | { kind: 'rate'; whenUndefined?: 'full' | 'zero' } // max × rate; a rate with no denominator scores full marks by default
  | { kind: 'target' } // max × min(actual / target, 1)
  | { kind: 'threshold'; lo: number; hi: number } // 0 below lo, max at or above hi, linear between
  | { kind: 'deduction'; perItem: number } // max − perItem × count, not below 0
  | { kind: 'manual' }; // entered by the office, within [0, max]

export type IndicatorInputs = {
  rate?: number | null;
  numerator?: number;
  denominator?: number;
  actual?: number;
  target?: number;
  count?: number;
  manual?: number | null;
};

export type IndicatorScore = { score: number; max: number; lost: number; rule: string };

/** Scores are kept to two decimals, so equal performances tie exactly in the ranking. */
export const round2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

export function scoreIndicator(max: number, method: ScoringMethod, inputs: IndicatorInputs): IndicatorScore {
  if (!(max >= 0)) throw new RangeError(`maximum points must be ≥ 0 (got ${max})`);
  let score: number;
  let rule: string;
  switch (method.kind) {
    case 'rate': {
      const rate = inputs.rate ?? (inputs.denominator ? (inputs.numerator ?? 0) / inputs.denominator : null);
      if (rate === null || rate === undefined || Number.isNaN(rate)) {
        score = method.whenUndefined === 'zero' ? 0 : max;
        rule = `无应计项（分母为 0），${method.whenUndefined === 'zero' ? '不得分' : '得满分'}`;
      } else {
        score = max * clamp(rate, 0, 1);
        rule = `${max} × ${(clamp(rate, 0, 1) * 100).toFixed(2)}%`;
      }
      break;
    }
    case 'target': {
      const actual = inputs.actual ?? 0;
      const target = inputs.target ?? 0;
      if (target <= 0) {
        score = max;
        rule = '未设目标，得满分';
      } else {
        const ratio = clamp(actual / target, 0, 1);
        score = max * ratio;
        rule = `${max} × min(${actual} / ${target}, 1)`;
      }
      break;
    }
    case 'threshold': {
      if (!(method.hi > method.lo)) throw new RangeError(`threshold needs lo < hi (got ${method.lo}, ${method.hi})`);
      const v = inputs.rate ?? inputs.actual ?? 0;
      const share = clamp((v - method.lo) / (method.hi - method.lo), 0, 1);
      score = max * share;
      rule = v >= method.hi ? `≥ ${method.hi}，得满分` : v < method.lo ? `< ${method.lo}，不得分` : `${max} × (${v} − ${method.lo}) / (${method.hi} − ${method.lo})`;
      break;
    }
    case 'deduction': {
      const count = Math.max(0, inputs.count ?? 0);
      score = Math.max(0, max - method.perItem * count);
      rule = `${max} − ${method.perItem} × ${count}，不低于 0`;
      break;
    }
    case 'manual': {
      const v = inputs.manual;
      score = v === null || v === undefined ? 0 : clamp(v, 0, max);
      rule = v === null || v === undefined ? '尚未录入，暂不得分' : '信用办录入';
      break;
    }
  }
  const rounded = round2(score);
  return { score: rounded, max, lost: round2(max - rounded), rule };
}

export type Ranked<T> = T & { rank: number };

/**
 * Standard competition ranking by total, highest first: equal totals share a rank and the next rank skips
 * (1, 2, 2, 4). Ties keep a stable order by `tieOrder` (e.g. the code), so the same inputs always rank the same way.
 */
export function competitionRank<T extends { total: number }>(rows: readonly T[], tieOrder: (a: T, b: T) => number): Array<Ranked<T>> {
  const sorted = [...rows].sort((a, b) => round2(b.total) - round2(a.total) || tieOrder(a, b));
  let rank = 0;
  let previous: number | null = null;
  return sorted.map((row, i) => {
    const total = round2(row.total);
    if (previous === null || total !== previous) rank = i + 1;
    previous = total;
    return { ...row, rank };
  });
}

/** Movement = previous rank − current rank (positive: moved up); null when there was no previous rank. */
export const movement = (previousRank: number | null | undefined, rank: number) =>
  previousRank === null || previousRank === undefined ? null : previousRank - rank;
