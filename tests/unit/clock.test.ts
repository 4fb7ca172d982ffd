import { afterEach, describe, expect, it, vi } from 'vitest';
import { now, resetPinnedClock, shanghaiDateOf, shanghaiTimestamp, today } from '@/server/clock';
import { resetEnvCache } from '@/server/env';

const DAY = 86_400_000;

function setClock(vars: { APP_TODAY?: string; APP_CLOCK_OFFSET_DAYS?: string }, systemIso: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(systemIso));
  delete process.env.APP_TODAY;
  delete process.env.APP_CLOCK_OFFSET_DAYS;
  Object.assign(process.env, vars);
  resetEnvCache();
  resetPinnedClock();
}

afterEach(() => {
  vi.useRealTimers();
  delete process.env.APP_TODAY;
  delete process.env.APP_CLOCK_OFFSET_DAYS;
  resetEnvCache();
});

describe('the one clock', () => {
  it('unpinned, it is the system clock; today is the Shanghai date of it', () => {
    setClock({}, '2026-12-03T16:30:00Z'); // 00:30 on 12-04 in Shanghai
    expect(now().toISOString()).toBe('2026-12-03T16:30:00.000Z');
    expect(today()).toBe('2026-12-04');
    expect(shanghaiTimestamp()).toBe('2026-12-04 00:30:00.000');
  });

  it('APP_TODAY pins the day of every instant: it starts at 12:00 and runs on, whatever the system clock says', () => {
    setClock({ APP_TODAY: '2026-11-23' }, '2026-12-03T20:15:30.250Z'); // 04:15 on 12-04 in Shanghai
    expect(today()).toBe('2026-11-23');
    expect(shanghaiTimestamp()).toBe('2026-11-23 12:00:00.000');
    expect(shanghaiDateOf(now())).toBe('2026-11-23');
    // Time runs on within the pinned day, so successive receipts keep their order.
    vi.setSystemTime(new Date('2026-12-03T20:15:31Z'));
    expect(shanghaiTimestamp()).toBe('2026-11-23 12:00:00.750');
  });

  it('APP_TODAY holds the clock within its day however long the process runs', () => {
    setClock({ APP_TODAY: '2026-02-28' }, '2026-12-03T00:00:00Z');
    expect(shanghaiTimestamp()).toBe('2026-02-28 12:00:00.000');
    vi.setSystemTime(new Date('2026-12-05T00:00:00Z'));
    expect(shanghaiTimestamp()).toBe('2026-02-28 23:59:59.999');
    expect(today()).toBe('2026-02-28');
  });

  it('APP_CLOCK_OFFSET_DAYS moves the clock as if the system clock were set ahead (or behind)', () => {
    setClock({ APP_CLOCK_OFFSET_DAYS: '730' }, '2026-12-03T02:00:00Z');
    expect(now().getTime()).toBe(Date.parse('2026-12-03T02:00:00Z') + 730 * DAY);
    expect(today()).toBe('2028-12-02');
    setClock({ APP_CLOCK_OFFSET_DAYS: '-0.5' }, '2026-12-03T02:00:00Z');
    expect(shanghaiTimestamp()).toBe('2026-12-02 22:00:00.000');
  });

  it('a pinned day wins over the offset', () => {
    setClock({ APP_TODAY: '2026-11-23', APP_CLOCK_OFFSET_DAYS: '730.25' }, '2026-12-03T02:00:00Z');
    expect(shanghaiTimestamp()).toBe('2026-11-23 12:00:00.000');
  });

  it('refuses an impossible pinned day', () => {
    setClock({ APP_TODAY: '2026-02-31' }, '2026-12-03T02:00:00Z');
    expect(() => today()).toThrow(/APP_TODAY must be a real date/);
  });
});
