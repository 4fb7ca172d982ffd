// Issue 19: the volume-anomaly detectors on small hand-built series, one effect per test, verdicts computed by hand.
//
// Most series are a steady unit: 100 rows every working day. For the improved detector (c) that gives, on the log
// scale y = ln(1 + rows): centre ln 101 = 4.6151, weekday and day-of-month effects 0, MAD 0 so the pooled spread is
// its floor 0.15, plus count noise 1/(μ + 1) = 1/101: s = √(0.15² + 1/101) = √0.032401 = 0.18000. The band is
// 4 s = 0.72 either side: low = 101·e^−0.72 − 1 = 101 × 0.48675 − 1 = 48.16, high = 101·e^0.72 − 1 = 101 × 2.05443 − 1
// = 206.50.
import { describe, expect, it } from 'vitest';
import { eachDate, WorkdayCalendar } from '../../server/domain/calendar';
import {
  detectCurrent,
  detectElementary,
  detectImproved,
  freshness,
  poissonCdf,
  type SeriesPoint,
} from '../../server/metrics/ingestion/detector';

const cal = WorkdayCalendar.fromPackage();
const workdays = (from: string, to: string) => eachDate(from, to).filter((d) => cal.isWorkday(d));
/** Working days of [from, to] at `rows`, with per-day overrides. */
function steady(from: string, to: string, rows = 100, overrides: Record<string, number> = {}): SeriesPoint[] {
  return workdays(from, to).map((day) => ({ day, rows: overrides[day] ?? rows }));
}
const S = Math.sqrt(0.15 ** 2 + 1 / 101); // 0.18000
const LOW = 101 * Math.exp(-4 * S) - 1;
const HIGH = 101 * Math.exp(4 * S) - 1;

describe('improved detector (c)', () => {
  it('the steady band is 48.16 … 206.50 around 100 (hand-computed above)', () => {
    expect(S).toBeCloseTo(0.18, 4);
    expect(LOW).toBeCloseTo(48.16, 2);
    expect(HIGH).toBeCloseTo(206.5, 1);
  });

  it('a 3-day drop to 20 rows is flagged each day, with its band, effects and history in the explanation', () => {
    // 2025-09-09..11 (Tue–Thu): no holiday near, 165 working days before it, so the history is the full 120.
    const s = steady('2025-01-02', '2025-10-31', 100, { '2025-09-09': 20, '2025-09-10': 20, '2025-09-11': 20 });
    const alarms = detectImproved(s);
    expect(alarms.map((a) => [a.day, a.kind])).toEqual([
      ['2025-09-09', 'drop'],
      ['2025-09-10', 'drop'],
      ['2025-09-11', 'drop'],
    ]);
    const a = alarms[0]!;
    expect(a.expected).toBeCloseTo(100, 6);
    expect(a.low).toBeCloseTo(LOW, 6);
    expect(a.high).toBeCloseTo(HIGH, 6);
    expect(a.weekdayEffect).toBe(0);
    expect(a.dayOfMonthEffect).toBe(0);
    expect(a.historyDays).toBe(120);
    // z = (ln 21 − ln 101)/0.18 = (3.0445 − 4.6151)/0.18 = −8.73
    expect(a.z).toBeCloseTo((Math.log(21) - Math.log(101)) / S, 6);
    // Today's detector flags it too (robust z = (ln 21 − ln 101)/0.15 = −10.5, 20 ≤ 50, shortfall 80).
    expect(detectCurrent(s).map((x) => x.day)).toEqual(['2025-09-09', '2025-09-10', '2025-09-11']);
  });

  it('flagged days stay out of the baseline: the 5th day of a 10-day drop is still flagged against 100', () => {
    const drop = Object.fromEntries(workdays('2025-09-08', '2025-09-19').map((d) => [d, 30]));
    const alarms = detectImproved(steady('2025-01-02', '2025-10-31', 100, drop));
    expect(alarms).toHaveLength(10);
    const fifth = alarms[4]!;
    expect(fifth.day).toBe('2025-09-12');
    expect(fifth.expected).toBeCloseTo(100, 6); // the four flagged days before it did not pull the centre down
    expect(fifth.historyDays).toBe(120);
  });

  it('a duplicated batch is an upward kind: 300 rows (a batch sent three times) is a spike', () => {
    // 300 > 206.50, 300 ≥ 1.8 × 100 and P(X ≥ 300 | Poisson(100)) ≈ 0.
    const alarms = detectImproved(steady('2025-01-02', '2025-10-31', 100, { '2025-09-10': 300 }));
    expect(alarms.map((a) => [a.day, a.kind])).toEqual([['2025-09-10', 'spike']]);
    // Today's detector only looks down.
    expect(detectCurrent(steady('2025-01-02', '2025-10-31', 100, { '2025-09-10': 300 }))).toEqual([]);
  });

  it('a 春节 week is not flagged: a quiet 调休 Saturday before it and the catch-up after it', () => {
    // 2026: 春节 off 02-15..02-23, 调休 working Saturdays 02-14 and 02-28.
    // 02-14 (40 rows): the last day before a long holiday and a weekend working day: the lower band widens by
    //   ln 2 twice, 4 s + 2 ln 2 = 0.72 + 1.386 = 2.106, low = 101·e^−2.106 − 1 = 11.29 < 40.
    // 02-24, 02-25 (250, 180 rows): first working days after it: the upper band widens by ln 3,
    //   0.72 + 1.0986 = 1.8186, high = 101·e^1.8186 − 1 = 621.5 > 250.
    const s = steady('2025-06-02', '2026-03-31', 100, { '2026-02-14': 40, '2026-02-24': 250, '2026-02-25': 180 });
    expect(detectImproved(s)).toEqual([]);
    // Without the allowances the same days are flagged (40 < 48.16; 250 > 206.50).
    const strict = detectImproved(s, { quietFactor: 1, catchUpFactor: 1 }).map((a) => [a.day, a.kind]);
    expect(strict).toEqual([
      ['2026-02-14', 'drop'],
      ['2026-02-24', 'spike'],
    ]);
    // Today's detector flags the quiet Saturday: robust z = (ln 41 − ln 101)/0.15 = −6.0, 40 ≤ 50, shortfall 60.
    expect(detectCurrent(s).map((a) => a.day)).toEqual(['2026-02-14']);
  });

  it('a catch-up after 国庆 is not flagged', () => {
    // 2025 国庆+中秋: off 10-01..10-08, so 10-09 and 10-10 are the first working days after it (10-11 is a 调休 Saturday).
    const s = steady('2025-01-02', '2025-11-28', 100, { '2025-10-09': 400, '2025-10-10': 300 });
    // high after a long holiday = 621.5 (above) > 400.
    expect(detectImproved(s)).toEqual([]);
    expect(detectImproved(s, { catchUpFactor: 1 }).map((a) => a.day)).toEqual(['2025-10-09', '2025-10-10']);
  });

  it('a monthly sender’s rush before the 20th is not flagged once its day-of-month effect is learnt', () => {
    // 100 rows a day, 400 on the 17th–19th. For a rush day the ±1 day-of-month neighbours in the history are
    // mostly rush days, so the effect is ln 401 − ln 101 = 1.379 and the expected volume e^(ln 101 + 1.379) − 1 = 400.
    const rush: Record<string, number> = {};
    for (const d of workdays('2025-01-01', '2025-12-31')) if (['17', '18', '19'].includes(d.slice(8))) rush[d] = 400;
    const s = steady('2025-01-02', '2025-12-31', 100, rush);
    const late = (a: { day: string }) => a.day >= '2025-07-01';
    expect(detectImproved(s).filter(late)).toEqual([]);
    // With the day-of-month effect off, every rush day is a spike (400 > 206.50).
    const off = detectImproved(s, { minDomEffect: 99 }).filter(late);
    expect(off.length).toBeGreaterThan(0);
    expect(off.every((a) => a.kind === 'spike' && rush[a.day] === 400)).toBe(true);
    // And the explanation of a drop on a rush day carries the effect: 2025-11-18 at 100 instead of 400.
    const missed = detectImproved(steady('2025-01-02', '2025-12-31', 100, { ...rush, '2025-11-18': 100 })).find(
      (a) => a.day === '2025-11-18',
    );
    expect(missed?.kind).toBe('drop');
    expect(missed!.dayOfMonthEffect).toBeCloseTo(Math.log(401) - Math.log(101), 6);
    expect(missed!.expected).toBeCloseTo(400, 6);
  });

  it('a permanent change of level raises alarms for the adoption window, then stops', () => {
    // From 2025-09-01 on the unit sends 40 a day: 40 < 48.16, so each day is a drop until 12 in a row have been
    // seen; then the older history is moved by ln 41 − ln 101 and the centre becomes ln 41.
    const s = steady('2025-01-02', '2025-08-29', 100).concat(steady('2025-09-01', '2025-12-31', 40));
    const alarms = detectImproved(s);
    const first12 = workdays('2025-09-01', '2025-12-31').slice(0, 12);
    expect(alarms.map((a) => a.day)).toEqual(first12);
    // Today's detector keeps alarming for months (its 120-day median stays at 100 until more than half is 40).
    expect(detectCurrent(s).length).toBeGreaterThan(50);
  });

  it('a silence is its own kind', () => {
    const alarms = detectImproved(steady('2025-01-02', '2025-10-31', 100, { '2025-09-10': 0 }));
    expect(alarms.map((a) => [a.day, a.kind])).toEqual([['2025-09-10', 'silence']]);
  });

  it('poissonCdf', () => {
    // P(X ≤ 1 | μ = 2) = e^−2 (1 + 2) = 0.40601
    expect(poissonCdf(1, 2)).toBeCloseTo(3 * Math.exp(-2), 10);
    expect(poissonCdf(0, 8)).toBeCloseTo(Math.exp(-8), 12);
  });
});

describe('Elementary-style z-score (b)', () => {
  it('includes the tested value in its training set: one huge spike’s z is bounded by (n − 1)/√n', () => {
    // 14 same-weekday points, 13 at 100 and one at x: mean = 100 + (x − 100)/14, the sample standard deviation is
    // (x − 100)/√14, so z = (x − 100)(13/14)/((x − 100)/√14) = 13/√14 = 3.474 whatever x is.
    const bound = 13 / Math.sqrt(14);
    for (const x of [1000, 1_000_000]) {
      const s = steady('2025-01-02', '2025-06-30', 100, { '2025-06-23': x }); // a Monday, 25 Mondays before it
      const alarms = detectElementary(s);
      expect(alarms).toHaveLength(1);
      expect(alarms[0]!.z).toBeCloseTo(bound, 10);
      expect(alarms[0]!.kind).toBe('spike');
    }
    // A zero standard deviation (a steady unit) raises nothing.
    expect(detectElementary(steady('2025-01-02', '2025-06-30'))).toEqual([]);
  });
});

describe('freshness', () => {
  it('counts lateness in working days across 春节 2026', () => {
    // Last receipt Fri 02-13; today Thu 02-26. Working days in (02-13, 02-26]: Sat 02-14 (调休), 02-24, 02-25, 02-26
    // = 4 (02-15..02-23 are 春节). Expected every 3 working days: 1 working day late. (13 calendar days.)
    expect(freshness('2026-02-13', 3, '2026-02-26', cal)).toEqual({ workingDaysSince: 4, lateBy: 1, late: true, estimated: false });
    expect(freshness('2026-02-13', 5, '2026-02-26')).toMatchObject({ workingDaysSince: 4, lateBy: 0, late: false });
  });
});
