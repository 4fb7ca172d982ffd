import { describe, expect, it } from 'vitest';
import { BASELINE, evaluateSeries, evaluateSeriesPlain, median, type WorkdayPoint } from '@/server/metrics/ingestion/baseline';
import { lastCompleteDay, resolveFilters } from '@/server/metrics/ingestion/filters';
import { targetFigures } from '@/server/metrics/ingestion/kpi';
import { buckets, defaultGrain } from '@/server/metrics/ingestion/periods';

/** Consecutive working days Monday–Friday from index 0 (a Monday); the dates are only labels here. */
const series = (values: number[]): WorkdayPoint[] =>
  values.map((value, i) => ({ date: `d${String(i).padStart(3, '0')}`, weekday: (i % 5) + 1, value }));

const H = BASELINE.history; // 120 working days
const label = (i: number) => `d${String(i).padStart(3, '0')}`;

describe('robust baseline of a unit-day (median and MAD of the previous 120 working days, log scale)', () => {
  it('a regular unit: 9 a day; 2 and 4 are anomalies, 5 is not (more than half the baseline)', () => {
    const v = evaluateSeries(series([...Array<number>(H).fill(9), 2, 5, 4, 9]));
    expect(v.map((d) => d.date)).toEqual([label(H), label(H + 1), label(H + 2), label(H + 3)]);
    // History all 9: y = ln 10 everywhere, weekday effects 0, level ln 10, MAD 0 → spread = the floor 0.15.
    // Expected e^(ln 10) − 1 = 9; band e^(ln 10 ± 0.45) − 1 = [5.376, 14.683].
    const [two, five, four, nine] = v;
    expect(two!.expected).toBeCloseTo(9, 10);
    expect(two!.lower).toBeCloseTo(10 * Math.exp(-0.45) - 1, 10);
    expect(two!.upper).toBeCloseTo(10 * Math.exp(0.45) - 1, 10);
    // 2: z = (ln 3 − ln 10) / 0.15 = −8.03 ≤ −3, shortfall 7 ≥ 3, 2 ≤ 4.5 → anomaly.
    expect(two!.z).toBeCloseTo((Math.log(3) - Math.log(10)) / 0.15, 10);
    expect(two!.anomaly).toBe(true);
    // 5: z = ln 0.6 / 0.15 = −3.41 ≤ −3 and shortfall 4, but 5 > 9 / 2 → not an anomaly.
    // (The 2 of the day before is now in the history: 119 × ln 10 and one ln 3 keep median ln 10 and MAD 0.)
    expect(five!.z).toBeCloseTo(Math.log(0.6) / 0.15, 10);
    expect(five!.anomaly).toBe(false);
    // 4: z = ln 0.5 / 0.15 = −4.62, shortfall 5, 4 ≤ 4.5 → anomaly.
    expect(four!.z).toBeCloseTo(Math.log(0.5) / 0.15, 10);
    expect(four!.anomaly).toBe(true);
    expect(nine).toMatchObject({ z: 0, anomaly: false });
  });

  it('is weekday-aware: a unit that sends 99 on Wednesdays and 9 otherwise', () => {
    const week = [9, 9, 99, 9, 9];
    const history = Array.from({ length: H }, (_, i) => week[i % 5]!);
    // Day H is a Monday (9, normal), day H + 2 a Wednesday with only 9, day H + 3 a Thursday with 9.
    const v = evaluateSeries(series([...history, 9, 9, 9, 9]));
    // Effects: median all = ln 10 (96 of 120 days), Wednesday median ln 100 → effect ln 10, others 0.
    // Residuals all ln 10 → level ln 10, MAD 0 → s = 0.15. Wednesday expected e^(2 ln 10) − 1 = 99.
    const wed = v.find((d) => d.date === label(H + 2))!;
    expect(wed.expected).toBeCloseTo(99, 8);
    expect(wed.z).toBeCloseTo((Math.log(10) - Math.log(100)) / 0.15, 8);
    expect(wed.anomaly).toBe(true);
    // The same 9 on a Monday or a Thursday is the unit's normal.
    expect(v.find((d) => d.date === label(H))).toMatchObject({ anomaly: false });
    expect(v.find((d) => d.date === label(H + 3))!.expected).toBeCloseTo(9, 8);
    expect(v.find((d) => d.date === label(H + 3))!.anomaly).toBe(false);
  });

  it('uses the MAD: a noisy unit (9 and 19 alternating) is not flagged at 3, but is at 1', () => {
    const history = Array.from({ length: H }, (_, i) => (i % 2 ? 19 : 9));
    // Every weekday holds twelve 9s and twelve 19s: effects 0; level = (ln 10 + ln 20) / 2 = ln √200;
    // |r − level| = ln 2 / 2 for all → MAD = 0.34657, s = 1.4826 × 0.34657 = 0.51383.
    const level = (Math.log(10) + Math.log(20)) / 2;
    const s = 1.4826 * (Math.log(2) / 2);
    const [three] = evaluateSeries(series([...history, 3]));
    expect(three!.expected).toBeCloseTo(Math.sqrt(200) - 1, 10);
    expect(three!.lower).toBeCloseTo(Math.exp(level - 3 * s) - 1, 10);
    expect(three!.z).toBeCloseTo((Math.log(4) - level) / s, 10); // −2.46
    expect(three!.anomaly).toBe(false);
    const [one] = evaluateSeries(series([...history, 1]));
    expect(one!.z).toBeCloseTo((Math.log(2) - level) / s, 10); // −3.81
    expect(one!.anomaly).toBe(true);
  });

  it('needs a full history, and never flags a unit whose normal is (almost) nothing', () => {
    expect(evaluateSeries(series(Array<number>(H).fill(9)))).toEqual([]);
    expect(evaluateSeries(series(Array<number>(H + 1).fill(9)))).toHaveLength(1);
    // Baseline 2 a day: a day with 0 is 100% below but only 2 rows short (minimum shortfall 3).
    const [zero] = evaluateSeries(series([...Array<number>(H).fill(2), 0]));
    expect(zero!.z).toBeLessThan(-BASELINE.k);
    expect(zero!.anomaly).toBe(false);
    // Evaluation can start later than the history allows.
    expect(evaluateSeries(series(Array<number>(H + 10).fill(9)), H + 5).map((d) => d.date)).toEqual(
      [5, 6, 7, 8, 9].map((k) => label(H + k)),
    );
  });

  it('the sliding computation equals the plain definition (sort everything every day) on irregular series', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let run = 0; run < 6; run++) {
      const n = H + 80;
      const points: WorkdayPoint[] = Array.from({ length: n }, (_, i) => ({
        date: label(i),
        // Mostly Monday–Friday, sometimes a working weekend day (调休); volumes with spikes, droughts and repeats.
        weekday: rand() < 0.03 ? 6 + Math.floor(rand() * 2) : (i % 5) + 1,
        value: rand() < 0.1 ? 0 : rand() < 0.1 ? Math.floor(rand() * 200) : Math.floor(rand() * (5 + run * 6)),
      }));
      expect(evaluateSeries(points, run * 7)).toEqual(evaluateSeriesPlain(points, run * 7));
    }
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});

describe('time buckets', () => {
  it('ISO weeks clipped to the period, flagged partial', () => {
    expect(buckets('2026-10-01', '2026-10-14', 'week')).toEqual([
      { key: '2026-09-28', from: '2026-10-01', to: '2026-10-04', partial: true },
      { key: '2026-10-05', from: '2026-10-05', to: '2026-10-11', partial: false },
      { key: '2026-10-12', from: '2026-10-12', to: '2026-10-14', partial: true },
    ]);
  });
  it('months across a year end, and days', () => {
    expect(buckets('2025-11-15', '2026-02-28', 'month').map((b) => [b.key, b.from, b.to, b.partial])).toEqual([
      ['2025-11-01', '2025-11-15', '2025-11-30', true],
      ['2025-12-01', '2025-12-01', '2025-12-31', false],
      ['2026-01-01', '2026-01-01', '2026-01-31', false],
      ['2026-02-01', '2026-02-01', '2026-02-28', false],
    ]);
    expect(buckets('2026-02-27', '2026-03-01', 'day').map((b) => b.key)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });
  it('refuses absurdly many buckets and picks a default grain by length', () => {
    expect(() => buckets('2000-01-01', '2026-12-31', 'day')).toThrow(RangeError);
    expect(defaultGrain('2026-10-01', '2026-10-31')).toBe('day');
    expect(defaultGrain('2026-01-01', '2026-11-23')).toBe('week');
    expect(defaultGrain('2024-01-01', '2026-11-23')).toBe('month');
  });
});

describe('targets: completion, projection, on track', () => {
  it('projection = YTD × working days in year / elapsed; exactly on target counts as on track', () => {
    expect(targetFigures(200, 250, { elapsed: 200, inYear: 250 })).toEqual({ targetCompletion: 0.8, projection: 250, onTrack: true });
    expect(targetFigures(199, 250, { elapsed: 200, inYear: 250 })).toMatchObject({ onTrack: false });
  });
  it('null rates when a denominator is 0 or there is no target', () => {
    expect(targetFigures(5, 0, { elapsed: 10, inYear: 250 })).toEqual({ targetCompletion: null, projection: 125, onTrack: true });
    expect(targetFigures(5, null, { elapsed: 10, inYear: 250 })).toEqual({ targetCompletion: null, projection: 125, onTrack: null });
    expect(targetFigures(0, 100, { elapsed: 0, inYear: 250 })).toEqual({ targetCompletion: 0, projection: null, onTrack: null });
  });
});

describe('filters', () => {
  it('default to the year to date of asOf; the last complete day is the day before asOf', () => {
    expect(resolveFilters({}, () => '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-11-23', asOf: '2026-11-23', district: '', unit: '', catalog: '' });
    expect(resolveFilters({ to: '2025-06-30' }, () => '2026-11-23')).toMatchObject({ from: '2025-01-01', to: '2025-06-30' });
    expect(() => resolveFilters({ from: '2026-12-01' }, () => '2026-11-23')).toThrow(RangeError);
    expect(lastCompleteDay({ to: '2026-11-23', asOf: '2026-11-23' })).toBe('2026-11-22');
    expect(lastCompleteDay({ to: '2026-10-31', asOf: '2026-11-23' })).toBe('2026-10-31');
  });
});
