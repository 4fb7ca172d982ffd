/**
 * Volume anomalies (design.md §5): a unit-day whose accepted volume falls far below the unit's own baseline.
 * Pure: a unit's series of consecutive WORKING days in, one verdict per evaluated day out.
 *
 * The baseline is robust, holiday-aware and weekday-aware:
 * - holiday-aware: the series holds working days only (调休 working weekends included, holidays and weekends left
 *   out), so a day is only ever compared with earlier working days and a holiday is never "a day with nothing";
 * - counts are compared on the log scale y = ln(1 + volume), where day-to-day noise is roughly multiplicative;
 * - weekday-aware: over the previous `history` (120) working days, weekday w gets the effect
 *   e_w = median(y on weekday w) − median(all y) when there are at least 4 such days (else 0), since units send
 *   weekly items on a fixed weekday;
 * - robust level and spread: the residuals r = y − e_weekday of those days give level = median(r) and
 *   spread s = max(1.4826 × MAD(r), 0.15) — median and MAD, not mean and standard deviation, so the spikes of
 *   monthly items and earlier anomalies do not move the baseline; 120 working days (about six months) keep a
 *   sustained drop visible for about three months before it becomes the unit's new normal;
 * - expected volume = e^(level + e_weekday) − 1, band = e^(level + e_weekday ± 3s) − 1 (lower bound at least 0);
 * - the day is an anomaly when all three hold: it is below the band (robust z = (y − level − e_weekday)/s ≤ −3),
 *   the shortfall is at least 3 rows, and the volume is at most half the expected volume. The last two keep
 *   low-volume units, whose single days cannot be "far below" anything, out of the list.
 * A day is evaluated only with a full history of 120 earlier working days.
 */

export const BASELINE = {
  /** Working days of history behind each evaluated day. */
  history: 120,
  /** Days of one weekday needed in the history before its weekday effect is used. */
  minWeekdaySamples: 4,
  /** Width of the band in robust standard deviations. */
  k: 3,
  /** Floor of the robust spread on the log scale (MAD can be 0 for a very regular unit). */
  minSpread: 0.15,
  /** Minimum shortfall in rows. */
  minShortfall: 3,
  /** The volume must be at most this share of the expected volume. */
  maxRatio: 0.5,
} as const;

export type BaselineParams = { [K in keyof typeof BASELINE]: number };

/** MAD × 1.4826 estimates the standard deviation of normally distributed data. */
const MAD_TO_SD = 1.4826;

export type WorkdayPoint = {
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday (a 调休 working Sunday is 7). */
  weekday: number;
  value: number;
};

export type DayVerdict = {
  date: string;
  value: number;
  expected: number;
  lower: number;
  upper: number;
  /** Robust z on the log scale. */
  z: number;
  anomaly: boolean;
};

function medianOf(values: Float64Array, n: number): number {
  const s = values.subarray(0, n).sort();
  const m = n >> 1;
  return n % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Median of a plain list (exported for tests and callers that need the same definition). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  return medianOf(Float64Array.from(values), values.length);
}

/** A sorted multiset of at most `capacity` numbers with O(n) insert and remove (n ≤ a few hundred here). */
class SortedWindow {
  readonly v: Float64Array;
  n = 0;
  constructor(capacity: number) {
    this.v = new Float64Array(capacity);
  }
  private lowerBound(x: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.v[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  insert(x: number): void {
    const i = this.lowerBound(x);
    this.v.copyWithin(i + 1, i, this.n);
    this.v[i] = x;
    this.n++;
  }
  remove(x: number): void {
    const i = this.lowerBound(x);
    this.v.copyWithin(i, i + 1, this.n);
    this.n--;
  }
  median(): number {
    const m = this.n >> 1;
    return this.n % 2 ? this.v[m]! : (this.v[m - 1]! + this.v[m]!) / 2;
  }
}

/**
 * Verdicts for points[from..] (indices into `points`, which must be consecutive working days of one unit, with 0
 * for working days without data). Days with fewer than `history` earlier points are skipped.
 *
 * The window slides one day at a time: the overall and per-weekday values are kept sorted (insert the day that
 * enters, remove the one that leaves), the residuals come sorted from merging the per-weekday lists, and the MAD
 * from merging the two sides of the residuals around their median, so a day costs O(history), not a sort.
 * tests/unit/ingestion-dashboard.test.ts checks the result equals the plain definition (sort everything every day).
 */
export function evaluateSeries(
  points: readonly WorkdayPoint[],
  from = 0,
  params: BaselineParams = BASELINE,
): DayVerdict[] {
  const H = params.history;
  const out: DayVerdict[] = [];
  const start = Math.max(from, H);
  if (start >= points.length) return out;
  const y = Float64Array.from(points, (p) => Math.log1p(p.value));
  const wd = Uint8Array.from(points, (p) => p.weekday);
  const all = new SortedWindow(H);
  const byDay = Array.from({ length: 8 }, () => new SortedWindow(H));
  const effect = new Float64Array(8);
  const resid = new Float64Array(H);
  const heads = new Int32Array(8);
  const active = new Int32Array(8);
  for (let j = start - H; j < start; j++) {
    all.insert(y[j]!);
    byDay[wd[j]!]!.insert(y[j]!);
  }
  for (let i = start; i < points.length; i++) {
    if (i > start) {
      const out_ = i - 1 - H;
      all.remove(y[out_]!);
      byDay[wd[out_]!]!.remove(y[out_]!);
      all.insert(y[i - 1]!);
      byDay[wd[i - 1]!]!.insert(y[i - 1]!);
    }
    const overall = all.median();
    for (let w = 1; w <= 7; w++) {
      effect[w] = byDay[w]!.n >= params.minWeekdaySamples ? byDay[w]!.median() - overall : 0;
    }
    // Residuals y − effect, sorted: merge the weekday lists (each is sorted and shifted by one constant).
    let lists = 0;
    for (let w = 1; w <= 7; w++) {
      if (byDay[w]!.n > 0) {
        active[lists] = w;
        heads[lists] = 0;
        lists++;
      }
    }
    for (let k = 0; k < H; k++) {
      let best = -1;
      let bestValue = Infinity;
      for (let a = 0; a < lists; a++) {
        const list = byDay[active[a]!]!;
        if (heads[a]! < list.n) {
          const r = list.v[heads[a]!]! - effect[active[a]!]!;
          if (best < 0 || r < bestValue) {
            best = a;
            bestValue = r;
          }
        }
      }
      heads[best]!++;
      resid[k] = bestValue;
    }
    const m = H >> 1;
    const level = H % 2 ? resid[m]! : (resid[m - 1]! + resid[m]!) / 2;
    // |r − level| in ascending order: residuals below the level read outwards from the middle, those above read
    // onwards; walk both up to the middle position(s).
    let lo = m;
    while (lo > 0 && resid[lo - 1]! >= level) lo--;
    while (lo < H && resid[lo]! < level) lo++;
    let below = lo - 1;
    let above = lo;
    let prev = 0;
    let cur = 0;
    for (let k = 0; k <= m; k++) {
      const b = below >= 0 ? level - resid[below]! : Infinity;
      const c = above < H ? resid[above]! - level : Infinity;
      prev = cur;
      if (b <= c) {
        cur = b;
        below--;
      } else {
        cur = c;
        above++;
      }
    }
    const mad = H % 2 ? cur : (prev + cur) / 2;
    out.push(verdictOf(points[i]!, y[i]!, level + effect[wd[i]!]!, Math.max(MAD_TO_SD * mad, params.minSpread), params));
  }
  return out;
}

/**
 * A day's verdict from its log value `logValue`, the baseline's centre and spread on the log scale: the expected count,
 * the band of k spreads, and whether the day is an anomaly (design.md §6: far below, by enough, and by a ratio).
 */
function verdictOf(point: WorkdayPoint, logValue: number, center: number, spread: number, params: BaselineParams): DayVerdict {
  const z = (logValue - center) / spread;
  const expected = Math.expm1(center);
  return {
    date: point.date,
    value: point.value,
    expected,
    lower: Math.max(0, Math.expm1(center - params.k * spread)),
    upper: Math.expm1(center + params.k * spread),
    z,
    anomaly: z <= -params.k && expected - point.value >= params.minShortfall && point.value <= params.maxRatio * expected,
  };
}

/**
 * The plain definition, sorting every list every day: the reference the sliding version is tested against.
 * Not used by the dashboards.
 */
export function evaluateSeriesPlain(
  points: readonly WorkdayPoint[],
  from = 0,
  params: BaselineParams = BASELINE,
): DayVerdict[] {
  const H = params.history;
  const y = Float64Array.from(points, (p) => Math.log1p(p.value));
  const wd = Uint8Array.from(points, (p) => p.weekday);
  const allValues = new Float64Array(H);
  const byDay = Array.from({ length: 8 }, () => new Float64Array(H));
  const count = new Int32Array(8);
  const effect = new Float64Array(8);
  const resid = new Float64Array(H);
  const out: DayVerdict[] = [];
  for (let i = Math.max(from, H); i < points.length; i++) {
    count.fill(0);
    for (let j = 0; j < H; j++) {
      const v = y[i - H + j]!;
      const w = wd[i - H + j]!;
      allValues[j] = v;
      byDay[w]![count[w]!++] = v;
    }
    const overall = medianOf(allValues, H);
    for (let w = 1; w <= 7; w++) {
      effect[w] = count[w]! >= params.minWeekdaySamples ? medianOf(byDay[w]!, count[w]!) - overall : 0;
    }
    for (let j = 0; j < H; j++) resid[j] = y[i - H + j]! - effect[wd[i - H + j]!]!;
    const level = medianOf(resid, H);
    for (let j = 0; j < H; j++) resid[j] = Math.abs(resid[j]! - level);
    out.push(verdictOf(points[i]!, y[i]!, level + effect[wd[i]!]!, Math.max(MAD_TO_SD * medianOf(resid, H), params.minSpread), params));
  }
  return out;
}
