import { afterEach, describe, expect, it } from 'vitest';
import { checkDate, checkDateTime, DATE32_RANGE, queryDate, queryMonth } from '@/server/domain/dates';

const shanghai = (s: string) => {
  const r = checkDateTime(s);
  return r.ok ? r.shanghai : r.reason;
};

describe('checkDateTime: RFC 3339 with any offset or Z, or the local Asia/Shanghai form', () => {
  const machineZone = process.env.TZ;
  afterEach(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it('converts an offset or Z to Asia/Shanghai and keeps the local form as written', () => {
    expect(shanghai('2025-10-13T16:01:00Z')).toBe('2025-10-14 00:01:00.000');
    expect(shanghai('2025-06-03T10:00:00+08:00')).toBe('2025-06-03 10:00:00.000');
    expect(shanghai('2025-06-03T20:00:00-05:30')).toBe('2025-06-04 09:30:00.000');
    expect(shanghai('2025-12-31T23:59:59.999+14:00')).toBe('2025-12-31 17:59:59.999');
    expect(shanghai('2025-06-03t02:00:00.5z')).toBe('2025-06-03 10:00:00.500');
    expect(shanghai('2025-06-03 10:00:00')).toBe('2025-06-03 10:00:00.000');
    expect(shanghai('2025-06-03T10:00:00.12')).toBe('2025-06-03 10:00:00.120');
    // Digits beyond the millisecond are dropped, never rounded into the next second (or day).
    expect(shanghai('2025-06-03T15:59:59.999999Z')).toBe('2025-06-03 23:59:59.999');
  });

  it('uses the IANA rules of Asia/Shanghai (summer time 1986–1991), not the machine zone', () => {
    for (const zone of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      process.env.TZ = zone;
      expect(shanghai('2025-10-13T16:01:00Z')).toBe('2025-10-14 00:01:00.000');
      expect(shanghai('1988-07-01T02:00:00Z')).toBe('1988-07-01 11:00:00.000');
      expect(shanghai('1988-12-01T02:00:00Z')).toBe('1988-12-01 10:00:00.000');
    }
  });

  it('refuses other forms, impossible dates and times, and days outside what a Date holds', () => {
    for (const bad of ['2025-06-03', '2025-06-03T10:00', '2025-06-03T10:00:00+0800', '2025-06-03T10:00:00 +08:00', '20250603T100000Z', '2025-06-03T24:00:00Z', '2025-06-03T10:60:00Z', '2025-06-03T10:00:60Z', '2025-06-03T10:00:00+24:00', '2026-02-29 10:00:00', '0000-00-00 00:00:00', '']) {
      expect(shanghai(bad), bad).toBe('form');
    }
    expect(shanghai('1969-12-31T15:59:59Z')).toBe('range');
    expect(shanghai('1969-12-31T16:00:00Z')).toBe('1970-01-01 00:00:00.000');
    expect(shanghai('2149-06-07 00:00:00')).toBe('range');
    expect(shanghai('0099-01-01T00:00:00Z')).toBe('range');
  });
});

describe('checkDate and the query schemas: a date is kept exactly or refused', () => {
  it('takes real dates within the range and says why it refuses the others', () => {
    expect(checkDate('2024-02-29')).toEqual({ ok: true, date: '2024-02-29' });
    expect(checkDate('1970-01-01')).toEqual({ ok: true, date: '1970-01-01' });
    expect(checkDate('2149-06-06')).toEqual({ ok: true, date: '2149-06-06' });
    for (const bad of ['2026-02-31', '2025-02-29', '1900-02-29', '0000-00-00', '2026-13-01', '2026-00-10', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00:00Z']) {
      expect(checkDate(bad), bad).toEqual({ ok: false, reason: 'form' });
    }
    expect(checkDate('2000-02-29').ok).toBe(true);
    expect(checkDate('1969-12-31')).toEqual({ ok: false, reason: 'range' });
    expect(checkDate('2149-06-07')).toEqual({ ok: false, reason: 'range' });
    expect(checkDate('1956-03-01', DATE32_RANGE)).toEqual({ ok: true, date: '1956-03-01' });
    expect(checkDate('1899-12-31', DATE32_RANGE)).toEqual({ ok: false, reason: 'range' });
    expect(checkDate('9999-12-31', DATE32_RANGE)).toEqual({ ok: false, reason: 'range' });
  });

  it('queryDate and queryMonth name the expected form and range', () => {
    expect(queryDate.parse('2026-11-23')).toBe('2026-11-23');
    const bad = queryDate.safeParse('2026-02-31');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('YYYY-MM-DD');
    expect(bad.error?.issues[0]?.message).toContain('1970-01-01');
    expect(queryMonth.parse('2026-11')).toBe('2026-11');
    for (const m of ['2026-13', '1969-12', '2149-06', '0000-01', '2026-1']) expect(queryMonth.safeParse(m).success, m).toBe(false);
  });
});
