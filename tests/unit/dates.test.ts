import { afterEach, describe, expect, it } from 'vitest';
import { checkDateTime } from '@/server/domain/dates';

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
