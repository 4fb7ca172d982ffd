import { describe, expect, it } from 'vitest';
import { lastCompletedMonth, monthsUpTo, nextMonth, parsePeriod, periodAsOf, previousPeriod } from '@/server/assessment/periods';

describe('assessment periods', () => {
  it('parses months, quarters, years and rolling twelve months into their first and last days', () => {
    expect(parsePeriod('2026-02')).toMatchObject({ kind: 'month', from: '2026-02-01', to: '2026-02-28', schemeMonth: '2026-02', label: '2026年2月' });
    expect(parsePeriod('2024-02')).toMatchObject({ to: '2024-02-29' });
    expect(parsePeriod('2025-12')).toMatchObject({ from: '2025-12-01', to: '2025-12-31' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31', schemeMonth: '2026-03', label: '2026年第一季度' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2025')).toMatchObject({ kind: 'year', from: '2025-01-01', to: '2025-12-31', schemeMonth: '2025-12' });
    expect(parsePeriod('R12-2026-03')).toMatchObject({ kind: 'rolling12', from: '2025-04-01', to: '2026-03-31', schemeMonth: '2026-03' });
    expect(parsePeriod('R12-2026-12')).toMatchObject({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('refuses anything else with a message naming the accepted forms', () => {
    for (const bad of ['2026-13', '2026-00', '2026-Q5', '26-01', 'R12-2026', '2026-1', '', '2026-01-01']) {
      expect(() => parsePeriod(bad), bad).toThrow(/YYYY-MM/);
    }
  });
  it('finds the previous period of the same kind across year ends', () => {
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-07')).key).toBe('2026-06');
    expect(previousPeriod(parsePeriod('2026-Q1')).key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-Q3')).key).toBe('2026-Q2');
    expect(previousPeriod(parsePeriod('2026')).key).toBe('2025');
    expect(previousPeriod(parsePeriod('R12-2026-01')).key).toBe('R12-2025-12');
  });
  it('lists months back from a month and the last completed month', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(lastCompletedMonth('2026-11-23')).toBe('2026-10');
    expect(lastCompletedMonth('2026-01-05')).toBe('2025-12');
    expect(nextMonth('2026-11-23')).toBe('2026-12');
    expect(nextMonth('2026-12-31')).toBe('2027-01');
  });
  it('takes a closed period as of its last day and a running one as of today', () => {
    expect(periodAsOf(parsePeriod('2026-10'), '2026-11-23')).toBe('2026-10-31');
    expect(periodAsOf(parsePeriod('2026-11'), '2026-11-23')).toBe('2026-11-23');
    expect(periodAsOf(parsePeriod('2026'), '2026-11-23')).toBe('2026-11-23');
  });
});
