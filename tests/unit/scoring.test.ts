import { describe, expect, it } from 'vitest';
import { competitionRank, movement, round2, scoreIndicator } from '@/server/domain/scoring';

describe('scoreIndicator', () => {
  it('rate: max × rate, clamped; an undefined rate scores full by default or zero when configured', () => {
    expect(scoreIndicator(20, { kind: 'rate' }, { rate: 0.9 })).toEqual({ score: 18, max: 20, lost: 2, rule: '20 × 90.00%' });
    expect(scoreIndicator(20, { kind: 'rate' }, { numerator: 2, denominator: 3 }).score).toBe(13.33);
    expect(scoreIndicator(20, { kind: 'rate' }, { rate: 1.2 }).score).toBe(20);
    expect(scoreIndicator(20, { kind: 'rate' }, { rate: -0.1 }).score).toBe(0);
    expect(scoreIndicator(20, { kind: 'rate' }, { rate: null }).score).toBe(20);
    expect(scoreIndicator(20, { kind: 'rate', whenUndefined: 'zero' }, { numerator: 0, denominator: 0 }).score).toBe(0);
  });
  it('target: max × min(actual/target, 1); no target is full marks', () => {
    expect(scoreIndicator(25, { kind: 'target' }, { actual: 1500, target: 2000 })).toMatchObject({ score: 18.75, lost: 6.25 });
    expect(scoreIndicator(25, { kind: 'target' }, { actual: 2500, target: 2000 }).score).toBe(25);
    expect(scoreIndicator(25, { kind: 'target' }, { actual: 10, target: 0 }).score).toBe(25);
  });
  it('threshold: 0 below lo, max at or above hi, linear between', () => {
    const m = { kind: 'threshold', lo: 0.8, hi: 0.95 } as const;
    expect(scoreIndicator(10, m, { rate: 0.79 }).score).toBe(0);
    expect(scoreIndicator(10, m, { rate: 0.8 }).score).toBe(0);
    expect(scoreIndicator(10, m, { rate: 0.875 }).score).toBe(5);
    expect(scoreIndicator(10, m, { rate: 0.95 }).score).toBe(10);
    expect(scoreIndicator(10, m, { rate: 0.99 }).score).toBe(10);
    expect(() => scoreIndicator(10, { kind: 'threshold', lo: 1, hi: 1 }, { rate: 1 })).toThrow(RangeError);
  });
  it('deduction: max − perItem × count, never below 0', () => {
    expect(scoreIndicator(10, { kind: 'deduction', perItem: 0.5 }, { count: 3 })).toMatchObject({ score: 8.5, lost: 1.5 });
    expect(scoreIndicator(10, { kind: 'deduction', perItem: 0.5 }, { count: 40 }).score).toBe(0);
    expect(scoreIndicator(10, { kind: 'deduction', perItem: 0.5 }, { count: 0 }).score).toBe(10);
  });
  it('manual: the entered value within [0, max]; not yet entered scores 0 and says so', () => {
    expect(scoreIndicator(5, { kind: 'manual' }, { manual: 4.5 }).score).toBe(4.5);
    expect(scoreIndicator(5, { kind: 'manual' }, { manual: 9 }).score).toBe(5);
    expect(scoreIndicator(5, { kind: 'manual' }, {})).toMatchObject({ score: 0, rule: '尚未录入，暂不得分' });
  });
  it('rounds to two decimals so float noise never breaks a tie', () => {
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(scoreIndicator(30, { kind: 'rate' }, { rate: 1 / 3 }).score).toBe(10);
  });
});

describe('competitionRank', () => {
  const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
  it('1, 2, 2, 4 with ties in code order', () => {
    const ranked = competitionRank(
      [
        { code: 'D', total: 70 },
        { code: 'B', total: 85.5 },
        { code: 'A', total: 85.5 },
        { code: 'C', total: 99 },
      ],
      byCode,
    );
    expect(ranked.map((r) => [r.code, r.rank])).toEqual([
      ['C', 1],
      ['A', 2],
      ['B', 2],
      ['D', 4],
    ]);
  });
  it('all equal: everyone first; floating noise does not split a tie', () => {
    expect(competitionRank([{ code: 'x', total: 0.1 + 0.2 }, { code: 'y', total: 0.3 }], byCode).map((r) => r.rank)).toEqual([1, 1]);
    expect(competitionRank([], byCode)).toEqual([]);
  });
  it('is reproducible whatever the input order', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ code: `U${String(i).padStart(2, '0')}`, total: (i * 37) % 11 }));
    const a = competitionRank(rows, byCode);
    const b = competitionRank([...rows].reverse(), byCode);
    expect(b).toEqual(a);
    // Ranks never decrease down the list, and a rank equals 1 + the number of strictly better totals.
    for (const r of a) expect(r.rank).toBe(1 + a.filter((o) => o.total > r.total).length);
  });
});

describe('movement', () => {
  it('previous − current: positive is up, null without a previous rank', () => {
    expect(movement(5, 2)).toBe(3);
    expect(movement(1, 4)).toBe(-3);
    expect(movement(null, 1)).toBeNull();
  });
});
