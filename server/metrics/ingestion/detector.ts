/**
 * Volume-anomaly detectors side by side (issue 19), pure (no I/O): a unit's series of WORKING days in, alarms out.
 *
 * - (a) detectCurrent: today's product detector (baseline.ts, design.md §5), called as is: log scale, weekday
 *   effects, median/MAD over 120 trailing working days, downward only.
 * - (b) detectElementary: an Elementary-style z-score (`volume_anomalies` with training_period 14 days,
 *   detection_period 2 days, anomaly_sensitivity 3, seasonality day_of_week), tested value included in training.
 * - (c) detectImproved: log-scale median/MAD with weekday and day-of-month effects, post-holiday catch-up
 *   allowance, flagged days kept out of later baselines, drops, silences and spikes, and level-shift adoption.
 * - freshness: how late a unit's last receipt is, in working days.
 *
 * Not wired into the app: the lead engineer does that (SQL/UI).
 */
import { dayOfWeek, toDayNumber, WorkdayCalendar } from '../../domain/calendar';
import { BASELINE, evaluateSeries, type BaselineParams } from './baseline';

/** One working day of one unit: the series holds working days only (调休 working weekends included), sorted. */
export type SeriesPoint = { day: string; rows: number };
export type Series = readonly SeriesPoint[];

export type AlarmKind = 'drop' | 'silence' | 'spike';

export type Alarm = {
  /** Index of the day in the series. */
  index: number;
  day: string;
  rows: number;
  kind: AlarmKind;
  /** Expected rows and the band [low, high] the day fell outside. */
  expected: number;
  low: number;
  high: number;
  /** z of the day (robust z on the log scale for (a) and (c), plain z for (b)). */
  z: number;
  /** Weekday and day-of-month effects on the log scale (0 when not used). */
  weekdayEffect: number;
  dayOfMonthEffect: number;
  /** Days of history behind the baseline. */
  historyDays: number;
  /** Why the band is what it is, for a UI ('post-holiday catch-up allowance', 'new level adopted on …'). */
  notes: string[];
};

const MAD_TO_SD = 1.4826;

function median(sorted: readonly number[]): number {
  const n = sorted.length;
  const m = n >> 1;
  return n % 2 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}
/** P(X ≤ k) for X ~ Poisson(mu), summed in the log domain (k is a day's rows: small when it matters). */
export function poissonCdf(k: number, mu: number): number {
  if (mu <= 0) return 1;
  if (k > mu + 12 * Math.sqrt(mu) + 20) return 1;
  let logTerm = -mu;
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log(mu / i);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}

const sortNum = (v: number[]) => v.sort((a, b) => a - b);
const medianOf = (v: readonly number[]) => median(sortNum([...v]));

// ---------------------------------------------------------------------------------------------------------------
// (a) today's detector

/** (a) Today's detector (baseline.ts) with its parameters: `evaluateSeries` itself, so the port cannot drift. */
export function detectCurrent(series: Series, opts: Partial<BaselineParams> = {}): Alarm[] {
  const params = { ...BASELINE, ...opts };
  const points = series.map((p) => ({ date: p.day, weekday: dayOfWeek(p.day), value: p.rows }));
  const out: Alarm[] = [];
  const verdicts = evaluateSeries(points, 0, params);
  const first = series.length - verdicts.length;
  verdicts.forEach((v, k) => {
    if (!v.anomaly) return;
    out.push({
      index: first + k,
      day: v.date,
      rows: v.value,
      kind: v.value === 0 ? 'silence' : 'drop',
      expected: v.expected,
      low: v.lower,
      high: v.upper,
      z: v.z,
      weekdayEffect: NaN, // baseline.ts does not return it
      dayOfMonthEffect: 0,
      historyDays: params.history,
      notes: [],
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// (b) Elementary-style z-score

export const ELEMENTARY = { points: 14, sensitivity: 3 } as const;

/**
 * (b) Elementary-style `volume_anomalies`. Our reading of its documented defaults:
 * - `training_period: 14 days` with `seasonality: day_of_week`: Elementary then compares a bucket only with
 *   buckets of the same weekday; read literally, 14 calendar days would leave two same-weekday points, which gives
 *   no usable standard deviation, so (as its docs say the training set is the same weekday over the training
 *   period, and it widens the period for seasonality) we take the 14 most recent same-weekday working days,
 *   the tested day included (about 14 weeks);
 * - the tested value is part of its own training set (Elementary computes the training average and stddev over a
 *   window that contains the bucket under test, the behaviour its users report), so a single outlier's z is at most
 *   (n − 1)/√n = 13/√14 ≈ 3.47 with n = 14 points and the sample standard deviation;
 * - `anomaly_sensitivity: 3`: |z| > 3 is an anomaly, both directions (its default `anomaly_direction: both`);
 * - `detection_period: 2 days`: each day is tested as the newest bucket of the run that first sees it; the
 *   second run that also covers it has the same training set shifted by one same-weekday point at most, so we
 *   test each day once.
 * - raw counts (no log), no day-of-month seasonality, past anomalies stay in the training set; a zero standard
 *   deviation raises nothing.
 */
export function detectElementary(series: Series): Alarm[] {
  const n = ELEMENTARY.points;
  const byWeekday = new Map<number, number[]>();
  const out: Alarm[] = [];
  series.forEach((p, index) => {
    const w = dayOfWeek(p.day);
    const list = byWeekday.get(w) ?? [];
    list.push(p.rows);
    byWeekday.set(w, list);
    if (list.length < n) return;
    const train = list.slice(-n);
    const mean = train.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(train.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    if (!(sd > 0)) return;
    const z = (p.rows - mean) / sd;
    if (Math.abs(z) <= ELEMENTARY.sensitivity) return;
    out.push({
      index,
      day: p.day,
      rows: p.rows,
      kind: z > 0 ? 'spike' : p.rows === 0 ? 'silence' : 'drop',
      expected: mean,
      low: Math.max(0, mean - ELEMENTARY.sensitivity * sd),
      high: mean + ELEMENTARY.sensitivity * sd,
      z,
      weekdayEffect: 0,
      dayOfMonthEffect: 0,
      historyDays: n,
      notes: ['same-weekday training set including the tested day'],
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// (c) the improved detector

export const IMPROVED = {
  /** Working days of (unflagged) history behind each day. */
  history: 120,
  /** Fewest history days before a day is evaluated. */
  minHistory: 40,
  /** Days of one weekday needed before its effect is used. */
  minWeekdaySamples: 4,
  /** Days in a day-of-month bucket (the day ±1) needed before its effect is used. */
  minDomSamples: 6,
  /** A day-of-month effect smaller than this (log scale) is not used (noise, not a deadline rush). */
  minDomEffect: 0.25,
  /** Band width in robust standard deviations, below and above. */
  kLow: 4,
  kHigh: 4,
  minSpread: 0.15,
  /** A drop must be at most this share of the expected volume and short by at least minShortfall rows. */
  maxRatio: 0.6,
  minShortfall: 3,
  /** A spike must be at least this multiple of the expected volume and above it by minShortfall rows. */
  minSpikeRatio: 1.8,
  /** A gap of at least this many calendar days between two working days is a long holiday (≥ 3 days off). */
  holidayGap: 4,
  /** Working days after a long holiday whose upper band is widened by ln(catchUpFactor). */
  catchUpDays: 3,
  catchUpFactor: 3,
  /** Working days just before a long holiday and 调休 weekend days: lower band widened by ln(quietFactor). */
  quietDays: 1,
  quietFactor: 2,
  /** A day at least this many spreads on the shifted side counts towards a level shift. */
  shiftZ: 1,
  /** Level shift: adopted when shiftNeed of the last shiftWindow days lie shiftZ spreads on one side (one flagged). */
  shiftWindow: 15,
  shiftNeed: 12,
  /** Sustained drops: up to this many consecutive short days are judged together, flagged when their z sum ≤ −kMulti·√m. */
  multiDays: 5,
  kMulti: 3.5,
  /** Each day of a sustained drop at least this many spreads below its centre. */
  multiMinZ: 1,
  /**
   * Count noise: a drop must also be improbable as Poisson noise around the expected count (P(X ≤ rows) < alpha),
   * a spike likewise (P(X ≥ rows) < alpha); this is what keeps small units' quiet days out.
   */
  alpha: 0.001,
  /** Add Poisson count noise to the spread (1 = yes). */
  countNoise: 1,
} as const;

export type ImprovedParams = { [K in keyof typeof IMPROVED]: number };

type Baseline = {
  center: number;
  spread: number;
  weekdayEffect: number;
  domEffect: number;
  historyDays: number;
};

/**
 * Baseline for day `i` (log values y): the level and spread from the unflagged history `hist`, the weekday and
 * day-of-month effects from every day of the window `from..i-1`, flagged or not (medians per bucket barely move for
 * one incident, and a rush that was flagged before it was learnt must still be learnt).
 */
function baselineOf(
  y: Float64Array,
  wd: Uint8Array,
  dom: Uint8Array,
  hist: readonly number[],
  from: number,
  i: number,
  p: ImprovedParams,
): Baseline {
  const window: number[] = [];
  for (let j = from; j < i; j++) window.push(j);
  const overall = medianOf(window.map((j) => y[j]!));
  const byW = new Map<number, number[]>();
  for (const j of window) {
    const l = byW.get(wd[j]!) ?? [];
    l.push(y[j]!);
    byW.set(wd[j]!, l);
  }
  const effW = new Map<number, number>();
  for (const [w, l] of byW) effW.set(w, l.length >= p.minWeekdaySamples ? medianOf(l) - overall : 0);
  const r1 = hist.map((j) => y[j]! - (effW.get(wd[j]!) ?? 0));
  const level = medianOf(r1);
  // Day-of-month effect of the tested day: residuals of the window's days within ±1 of its day of month.
  const d = dom[i]!;
  const near = window.flatMap((j) => (Math.abs(dom[j]! - d) <= 1 ? [y[j]! - (effW.get(wd[j]!) ?? 0) - level] : []));
  let domEffect = near.length >= p.minDomSamples ? medianOf(near) : 0;
  if (Math.abs(domEffect) < p.minDomEffect) domEffect = 0;
  // Spread of the residuals after both effects (each history day with its own day-of-month effect would cost a
  // sort per day; the weekday-only residual MAD is an upper bound that is close when rushes are few days a month).
  const resid = sortNum(r1.map((r) => Math.abs(r - level)));
  const spread = Math.max(MAD_TO_SD * median(resid), p.minSpread);
  const weekdayEffect = effW.get(wd[i]!) ?? 0;
  return { center: level + weekdayEffect + domEffect, spread, weekdayEffect, domEffect, historyDays: hist.length };
}

/**
 * (c) The improved detector. For each working day i, on y = ln(1 + rows):
 * - history = the last `history` working days before i that were not flagged (flagged days stay out, so an
 *   incident does not become the baseline), restarted at a level shift once adopted;
 * - centre = median(y − weekday effect) + weekday effect + day-of-month effect (median residual of history days
 *   within ±1 of the day's day of month, used only when at least minDomSamples and |effect| ≥ minDomEffect:
 *   monthly deadline rushes before the 20th/25th);
 * - spread s = max(1.4826 × MAD, minSpread); band = [centre − kLow·s, centre + kHigh·s], widened up by
 *   ln(catchUpFactor) on the first catchUpDays working days after a long holiday (catch-up) and down by
 *   ln(quietFactor) on the last quietDays working days before one and on 调休 weekend working days (quiet);
 * - below the band with rows ≤ maxRatio × expected and a shortfall ≥ minShortfall: 'silence' when rows = 0, else
 *   'drop'; above it with rows ≥ minSpikeRatio × expected and an excess ≥ minShortfall: 'spike';
 * - sustained drops: up to multiDays consecutive short days (each ≥ multiMinZ spreads below, at most maxRatio of
 *   the expected) are judged together: flagged when their z sum ≤ −kMulti·√m and their total is improbable as
 *   Poisson noise; count noise 1/(μ + 1) is added to the spread's square (small units' quiet days);
 * - level shift: when shiftNeed of the last shiftWindow days lie shiftZ spreads on one side and one of them was
 *   flagged, the older days are moved by the window's median shift and the window joins the history (the unit's new
 *   normal), so a permanent change raises alarms for about shiftNeed days and then stops.
 */
export function detectImproved(series: Series, opts: Partial<ImprovedParams> = {}): Alarm[] {
  const p: ImprovedParams = { ...IMPROVED, ...opts };
  const n = series.length;
  const y = Float64Array.from(series, (s) => Math.log1p(s.rows));
  const wd = Uint8Array.from(series, (s) => dayOfWeek(s.day));
  const dom = Uint8Array.from(series, (s) => Number(s.day.slice(8, 10)));
  const dn = Int32Array.from(series, (s) => toDayNumber(s.day));
  const centers = new Float64Array(n);
  const zb = new Float64Array(n);
  const ex = new Float64Array(n);
  const evaluated = new Uint8Array(n);
  const out: Alarm[] = [];
  let hist: number[] = [];
  const zr = new Float64Array(n);
  const flaggedAt = new Uint8Array(n);
  let lastAdopt = -1e9;
  let adoptedOn: string | undefined;
  for (let i = 0; i < n; i++) {
    if (hist.length >= p.minHistory) {
      const b = baselineOf(y, wd, dom, hist, Math.max(0, i - p.history), i, p);
      centers[i] = b.center;
      const notes: string[] = [];
      // Count noise on top of the pooled spread: ln(1 + X) of a Poisson count X with mean μ has variance about
      // 1/(μ + 1); the pooled MAD mostly reflects the unit's busier days, so its quiet days get this added.
      const spread = p.countNoise ? Math.sqrt(b.spread ** 2 + 1 / (Math.expm1(b.center) + 1)) : b.spread;
      b.spread = spread;
      let up = p.kHigh * spread;
      let down = p.kLow * spread;
      // Catch-up: one of the first catchUpDays working days after a gap of ≥ holidayGap calendar days.
      for (let k = 0; k < p.catchUpDays && i - k > 0; k++) {
        if (dn[i - k]! - dn[i - k - 1]! >= p.holidayGap) {
          up += Math.log(p.catchUpFactor);
          notes.push('post-holiday catch-up allowance');
          break;
        }
      }
      for (let k = 0; k < p.quietDays && i + k + 1 < n; k++) {
        if (dn[i + k + 1]! - dn[i + k]! >= p.holidayGap) {
          down += Math.log(p.quietFactor);
          notes.push('pre-holiday quiet allowance');
          break;
        }
      }
      if (wd[i]! >= 6) {
        down += Math.log(p.quietFactor);
        notes.push('调休 working weekend allowance');
      }
      if (adoptedOn) notes.push(`new level adopted on ${adoptedOn}`);
      const expected = Math.expm1(b.center);
      const rows = series[i]!.rows;
      const z = (y[i]! - b.center) / b.spread;
      // y[i] is still the day's own log value here (only history days are ever shifted).
      let kind: AlarmKind | undefined;
      if (
        y[i]! < b.center - down &&
        expected - rows >= p.minShortfall &&
        rows <= p.maxRatio * expected &&
        poissonCdf(rows, expected) < p.alpha
      ) {
        kind = rows === 0 ? 'silence' : 'drop';
      } else if (
        y[i]! > b.center + up &&
        rows - expected >= p.minShortfall &&
        rows >= p.minSpikeRatio * expected &&
        1 - poissonCdf(rows - 1, expected) < p.alpha
      ) {
        kind = 'spike';
      }
      // z against the day's own band (allowances included): a quiet day's shortfall counts for less.
      zb[i] = ((y[i]! - b.center) * p.kLow) / down;
      ex[i] = expected;
      evaluated[i] = 1;
      if (!kind && zb[i]! <= -p.multiMinZ && rows <= p.maxRatio * expected) {
        // A sustained drop: the last m days (2 ≤ m ≤ multiDays) each short, together far below their bands.
        let sumZ = zb[i]!;
        let sumRows = rows;
        let sumExp = expected;
        for (let m = 2; m <= p.multiDays && i - m + 1 >= 0; m++) {
          const j = i - m + 1;
          if (!evaluated[j] || zb[j]! > -p.multiMinZ || series[j]!.rows > p.maxRatio * ex[j]!) break;
          sumZ += zb[j]!;
          sumRows += series[j]!.rows;
          sumExp += ex[j]!;
          if (sumZ <= -p.kMulti * Math.sqrt(m) && sumExp - sumRows >= p.minShortfall && poissonCdf(sumRows, sumExp) < p.alpha) {
            kind = rows === 0 ? 'silence' : 'drop';
            notes.push(`sustained: ${m} working days short together (sum of z ${sumZ.toFixed(1)})`);
            hist = hist.filter((h) => h < j);
            break;
          }
        }
      }
      if (kind) {
        out.push({
          index: i,
          day: series[i]!.day,
          rows,
          kind,
          expected,
          low: Math.max(0, Math.expm1(b.center - down)),
          high: Math.expm1(b.center + up),
          z,
          weekdayEffect: b.weekdayEffect,
          dayOfMonthEffect: b.domEffect,
          historyDays: b.historyDays,
          notes,
        });
      }
      zr[i] = z;
      if (kind) flaggedAt[i] = 1;
      if (i - lastAdopt >= p.shiftWindow && i - p.shiftWindow + 1 >= 0 && evaluated[i - p.shiftWindow + 1]) {
        // Window rule: of the last shiftWindow days, at least shiftNeed on one side by shiftZ spreads and one flagged.
        let downs = 0;
        let ups = 0;
        let flags = 0;
        for (let j = i - p.shiftWindow + 1; j <= i; j++) {
          if (zr[j]! <= -p.shiftZ) downs++;
          if (zr[j]! >= p.shiftZ) ups++;
          flags += flaggedAt[j]!;
        }
        if (flags > 0 && (downs >= p.shiftNeed || ups >= p.shiftNeed)) {
          // The new level's days: the whole window (measured on the tuning half: keeping only the days on the
          // shifted side did slightly worse).
          const run = Array.from({ length: p.shiftWindow }, (_, k) => i - p.shiftWindow + 1 + k);
          lastAdopt = i;
          // The new normal: the older days moved by the run's median shift (they keep their weekday and
          // day-of-month pattern), followed by the run itself.
          const shift = medianOf(run.map((j) => y[j]! - centers[j]!));
          for (let j = 0; j < run[0]!; j++) y[j] = y[j]! + shift;
          const first = run[0]!;
          hist = [...hist.filter((j) => j < first), ...run].slice(-p.history);
          adoptedOn = series[i]!.day;
          continue;
        }
      }
      if (kind) continue;
    }
    hist.push(i);
    if (hist.length > p.history) hist.shift();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// freshness

let defaultCalendar: WorkdayCalendar | undefined;

export type Freshness = {
  /** Working days in (lastReceiptDay, today]. */
  workingDaysSince: number;
  /** Working days past the expected frequency (0 when not late). */
  lateBy: number;
  late: boolean;
  /** The calendar does not know some day of the span (the count is an estimate). */
  estimated: boolean;
};

/**
 * How late a unit is: its last receipt was `workingDaysSince` working days ago; it is expected at least every
 * `expectedEveryWorkingDays` working days, so it is `lateBy` = max(0, since − expected) working days late. Ranking
 * by lateBy ranks stale units; holidays do not count (the calendar is the product's, chinese-days based).
 */
export function freshness(
  lastReceiptDay: string,
  expectedEveryWorkingDays: number,
  today: string,
  calendar?: WorkdayCalendar,
): Freshness {
  const cal = calendar ?? (defaultCalendar ??= WorkdayCalendar.fromPackage());
  const { days, estimated } = cal.workdaysBetween(lastReceiptDay, today);
  const lateBy = Math.max(0, days - expectedEveryWorkingDays);
  return { workingDaysSince: days, lateBy, late: lateBy > 0, estimated };
}
