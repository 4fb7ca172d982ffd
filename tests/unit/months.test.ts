import { describe, expect, it } from 'vitest';
import { fillMonths, monthsBetween, startOfMonthsAgo } from '@/server/metrics/months';

describe('months', () => {
  it('lists months inclusively across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
    expect(monthsBetween('2026-04-01', '2026-03-31')).toEqual([]);
  });
  it('fills missing months with zero rows, keeping existing ones', () => {
    const rows = fillMonths('2026-01-01', '2026-03-31', [{ month: '2026-02', n: 5 }], (month) => ({ month, n: 0 }));
    expect(rows).toEqual([
      { month: '2026-01', n: 0 },
      { month: '2026-02', n: 5 },
      { month: '2026-03', n: 0 },
    ]);
  });
  it('finds the first day of a month some months back', () => {
    expect(startOfMonthsAgo('2026-11-23', 0)).toBe('2026-11-01');
    expect(startOfMonthsAgo('2026-11-23', 23)).toBe('2024-12-01');
    expect(startOfMonthsAgo('2026-01-31', 1)).toBe('2025-12-01');
    expect(startOfMonthsAgo('2026-01-31', 13)).toBe('2024-12-01');
  });
});
