import { describe, it, expect } from 'vitest';
import rawData from 'chinese-days/dist/chinese-days.json';
import { isWorkday as libIsWorkday } from 'chinese-days';
import {
  CalendarRangeError,
  DEFAULT_CALENDAR_RANGE,
  PACKAGE_DATA,
  WorkdayCalendar,
  addDays,
  buildCalendarDays,
  dayOfWeek,
  eachDate,
  formatIsoDate,
  fromDayNumber,
  isIsoDate,
  packageKnownYears,
  parseIsoDate,
  toDayNumber,
  type CalendarOverride,
} from '../../server/domain/calendar';

const cal = WorkdayCalendar.fromPackage();

// ---------------------------------------------------------------------------------------------------------
// Independent oracle: the raw JSON rule, day by day, on plain Date objects (no code shared with calendar.ts).
const RAW = rawData as { holidays: Record<string, string>; workdays: Record<string, string> };
const LAST_KNOWN = '2026-12-31';
function naiveIsWorkday(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  const weekday = wd >= 1 && wd <= 5;
  if (date > LAST_KNOWN) return weekday;
  return date in RAW.workdays || (weekday && !(date in RAW.holidays));
}
function naiveNext(date: string): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10);
}

describe('date helpers', () => {
  it('parses and formats strict ISO dates at UTC midnight', () => {
    const d = parseIsoDate('2025-01-26');
    expect(d.getTime()).toBe(Date.UTC(2025, 0, 26));
    expect(formatIsoDate(d)).toBe('2025-01-26');
    expect(formatIsoDate(parseIsoDate('0099-03-01'))).toBe('0099-03-01');
  });
  it('rejects malformed or impossible dates', () => {
    for (const s of ['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-01', '20250101', '', '2025-01-01T00:00:00Z', ' 2025-01-01']) {
      expect(() => parseIsoDate(s), s).toThrow(TypeError);
      expect(isIsoDate(s)).toBe(false);
    }
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
  });
  it('addDays crosses months, years and leap days in both directions', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2025-01-01', 365)).toBe('2026-01-01');
    expect(addDays('2025-03-30', 0)).toBe('2025-03-30');
  });
  it('dayOfWeek is ISO (1 = Monday … 7 = Sunday)', () => {
    expect(dayOfWeek('2025-01-26')).toBe(7);
    expect(dayOfWeek('2025-01-27')).toBe(1);
    expect(dayOfWeek('2025-02-08')).toBe(6);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-29')).toBe(1);
  });
  it('day numbers round-trip', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2030-12-31'))).toBe('2030-12-31');
  });
  it('eachDate is inclusive and empty when reversed', () => {
    expect(eachDate('2024-02-27', '2024-03-01')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(eachDate('2025-01-01', '2025-01-01')).toEqual(['2025-01-01']);
    expect(eachDate('2025-01-02', '2025-01-01')).toEqual([]);
    expect(eachDate('2004-01-01', '2026-12-31')).toHaveLength(8401);
  });
  it('ignores the machine time zone', () => {
    const before = process.env.TZ;
    const results: string[] = [];
    const offsets = new Set<number>();
    try {
      for (const tz of ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        offsets.add(new Date(2025, 0, 1).getTimezoneOffset());
        const c = WorkdayCalendar.fromPackage(undefined, { from: '2025-01-01', to: '2025-12-31' });
        results.push(
          JSON.stringify([
            c.addWorkdays('2025-01-24', 7),
            c.addWorkdays('2025-09-26', 7),
            addDays('2025-03-30', 1),
            dayOfWeek('2025-01-26'),
            eachDate('2025-10-25', '2025-10-27'),
          ]),
        );
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
    expect(offsets.size).toBe(4); // the zone switch really took effect
    expect(new Set(results).size).toBe(1);
  });
});

describe('buildCalendarDays', () => {
  it('derives the known years from the package data', () => {
    expect(packageKnownYears(PACKAGE_DATA)).toEqual({ from: 2004, to: 2026 });
  });

  it('marks package days, weekday-rule days and running workday numbers', () => {
    const days = buildCalendarDays({ from: '2025-01-24', to: '2025-02-10', packageData: PACKAGE_DATA });
    expect(days).toHaveLength(18);
    const byDate = new Map(days.map((d) => [d.date, d]));
    expect(byDate.get('2025-01-24')).toMatchObject({ isWorkday: true, workdayNo: 1, known: true, source: 'package' });
    expect(byDate.get('2025-01-25')).toMatchObject({ isWorkday: false, workdayNo: 1 });
    expect(byDate.get('2025-01-26')).toMatchObject({ isWorkday: true, workdayNo: 2 }); // adjusted Sunday
    expect(byDate.get('2025-01-28')).toMatchObject({
      isWorkday: false,
      workdayNo: 3,
      holidayName: '春节',
      holidayNameEn: 'Spring Festival',
    });
    expect(byDate.get('2025-02-10')).toMatchObject({ isWorkday: true, workdayNo: 8 });
    expect(byDate.get('2025-01-24')!.holidayName).toBeUndefined();
  });

  it('uses the weekday rule, unknown, outside the known years', () => {
    const [fri, sat] = buildCalendarDays({ from: '2027-01-01', to: '2027-01-02', packageData: PACKAGE_DATA });
    expect(fri).toEqual({ date: '2027-01-01', isWorkday: true, workdayNo: 1, known: false, source: 'weekday_rule' });
    expect(sat).toEqual({ date: '2027-01-02', isWorkday: false, workdayNo: 1, known: false, source: 'weekday_rule' });
  });

  it('lets overrides win, the last one for a date taking effect', () => {
    const overrides: CalendarOverride[] = [
      { date: '2027-01-01', isWorkday: true },
      { date: '2027-01-01', isWorkday: false, note: '元旦' },
      { date: '2025-01-26', isWorkday: false },
    ];
    const days = buildCalendarDays({ from: '2025-01-26', to: '2027-01-01', packageData: PACKAGE_DATA, overrides });
    expect(days[0]).toMatchObject({ date: '2025-01-26', isWorkday: false, known: true, source: 'override' });
    expect(days.at(-1)).toMatchObject({ isWorkday: false, known: true, source: 'override', holidayName: '元旦' });
  });

  it('honours an explicit knownYears', () => {
    const [d] = buildCalendarDays({
      from: '2025-01-26',
      to: '2025-01-26',
      packageData: PACKAGE_DATA,
      knownYears: { from: 2004, to: 2024 },
    });
    expect(d).toMatchObject({ isWorkday: false, known: false, source: 'weekday_rule' });
  });

  it('knows a whole year through its imported notice: unnamed days Mon–Fri, known, source notice; the package is set aside', () => {
    const overrides: CalendarOverride[] = [
      { date: '2027-01-01', isWorkday: false, note: '元旦' },
      { date: '2027-02-20', isWorkday: true, note: '春节' },
    ];
    const days = buildCalendarDays({ from: '2026-12-31', to: '2027-02-22', packageData: PACKAGE_DATA, overrides, noticeYears: [2027] });
    const at = (d: string) => days.find((x) => x.date === d)!;
    expect(at('2026-12-31')).toMatchObject({ isWorkday: true, known: true, source: 'package' });
    expect(at('2027-01-01')).toMatchObject({ isWorkday: false, known: true, source: 'override', holidayName: '元旦' });
    expect(at('2027-01-02')).toMatchObject({ isWorkday: false, known: true, source: 'notice' });
    expect(at('2027-01-04')).toMatchObject({ isWorkday: true, known: true, source: 'notice' });
    expect(at('2027-02-20')).toMatchObject({ isWorkday: true, known: true, source: 'override' });
    const c = new WorkdayCalendar(days);
    expect(c.addWorkdays('2026-12-31', 1)).toEqual({ date: '2027-01-04', estimated: false });
    // Without the notice year only the overridden days are known.
    const plain = buildCalendarDays({ from: '2027-01-04', to: '2027-01-04', packageData: PACKAGE_DATA, overrides });
    expect(plain[0]).toMatchObject({ known: false, source: 'weekday_rule' });
    // A notice for a package year replaces the package's holidays it does not name (2026-10-01 is National Day there).
    const [oct1] = buildCalendarDays({ from: '2026-10-01', to: '2026-10-01', packageData: PACKAGE_DATA, noticeYears: [2026] });
    expect(oct1).toMatchObject({ isWorkday: true, source: 'notice' });
  });

  it('works with any data of the same shape', () => {
    const data = { holidays: { '2030-05-01': 'Labour Day,劳动节,1' }, workdays: { '2030-04-28': 'Labour Day,劳动节,1' } };
    expect(packageKnownYears(data)).toEqual({ from: 2030, to: 2030 });
    const c = new WorkdayCalendar(buildCalendarDays({ from: '2030-04-26', to: '2030-05-06', packageData: data }));
    // Fri 04-26 → Sun 04-28 (adjusted) → Mon 29, Tue 30, [Wed 05-01 holiday], Thu 02, Fri 03, Mon 06
    expect(c.addWorkdays('2030-04-26', 1).date).toBe('2030-04-28');
    expect(c.addWorkdays('2030-04-26', 4).date).toBe('2030-05-02');
    expect(c.addWorkdays('2030-04-26', 6)).toEqual({ date: '2030-05-06', estimated: false });
    expect(() => packageKnownYears({ holidays: {}, workdays: {} })).toThrow();
  });

  it('rejects an empty range and malformed overrides', () => {
    expect(() => buildCalendarDays({ from: '2025-01-02', to: '2025-01-01', packageData: PACKAGE_DATA })).toThrow(RangeError);
    expect(() =>
      buildCalendarDays({
        from: '2025-01-01',
        to: '2025-01-02',
        packageData: PACKAGE_DATA,
        overrides: [{ date: '2025-1-1', isWorkday: false }],
      }),
    ).toThrow(TypeError);
  });
});

describe('WorkdayCalendar — hand-computed cases', () => {
  it('2025 Spring Festival', () => {
    // Holidays Tue 01-28 … Tue 02-04; adjusted working days Sun 01-26 and Sat 02-08. From Fri 01-24:
    //   Sat 25 off, Sun 26 (1), Mon 27 (2), 28 … 04 off, Wed 05 (3), Thu 06 (4), Fri 07 (5), Sat 08 (6),
    //   Sun 09 off, Mon 10 (7).
    expect(cal.addWorkdays('2025-01-24', 1)).toEqual({ date: '2025-01-26', estimated: false });
    expect(cal.addWorkdays('2025-01-24', 2).date).toBe('2025-01-27');
    expect(cal.addWorkdays('2025-01-24', 3).date).toBe('2025-02-05');
    expect(cal.addWorkdays('2025-01-24', 6).date).toBe('2025-02-08');
    expect(cal.addWorkdays('2025-01-24', 7)).toEqual({ date: '2025-02-10', estimated: false });
    // Starting on a holiday: the next working day is the first after the break.
    expect(cal.addWorkdays('2025-01-30', 1).date).toBe('2025-02-05');
    expect(cal.isWorkday('2025-01-26')).toBe(true);
    expect(cal.isWorkday('2025-01-31')).toBe(false);
    expect(cal.isWorkday('2025-02-09')).toBe(false);
    expect(cal.workdaysBetween('2025-01-27', '2025-02-04')).toEqual({ days: 0, estimated: false });
    expect(cal.workdaysBetween('2025-01-24', '2025-02-10')).toEqual({ days: 7, estimated: false });
  });

  it('2025 National Day', () => {
    // Holidays Wed 10-01 … Wed 10-08 (10-06 is Mid-Autumn); adjusted working days Sun 09-28, Sat 10-11.
    // From Fri 09-26: Sat 27 off, Sun 28 (1), Mon 29 (2), Tue 30 (3), 01 … 08 off, Thu 09 (4), Fri 10 (5),
    //   Sat 11 (6), Sun 12 off, Mon 13 (7).
    expect(cal.addWorkdays('2025-09-26', 7)).toEqual({ date: '2025-10-13', estimated: false });
    expect(cal.addWorkdays('2025-09-26', 1).date).toBe('2025-09-28');
    expect(cal.addWorkdays('2025-09-30', 1).date).toBe('2025-10-09');
    // (09-30, 10-09] holds only Thu 10-09.
    expect(cal.workdaysBetween('2025-09-30', '2025-10-09')).toEqual({ days: 1, estimated: false });
    // (09-26, 10-13] = 28, 29, 30, 09, 10, 11, 13.
    expect(cal.workdaysBetween('2025-09-26', '2025-10-13')).toEqual({ days: 7, estimated: false });
    // (09-30, 10-08] is the break itself.
    expect(cal.workdaysBetween('2025-09-30', '2025-10-08').days).toBe(0);
    expect(cal.getDay('2025-10-06')).toMatchObject({ isWorkday: false, holidayName: '中秋' });
  });

  it('New Year 2026', () => {
    // Holidays Thu 01-01, Fri 01-02, Sat 01-03; adjusted working day Sun 01-04. From Wed 2025-12-31:
    //   Sun 04 (1), Mon 05 (2) … Fri 09 (6).
    expect(cal.addWorkdays('2025-12-31', 1)).toEqual({ date: '2026-01-04', estimated: false });
    expect(cal.addWorkdays('2025-12-31', 2).date).toBe('2026-01-05');
    expect(cal.workdaysBetween('2025-12-31', '2026-01-09')).toEqual({ days: 6, estimated: false });
    expect(cal.isWorkday('2026-01-01')).toBe(false);
    expect(cal.isWorkday('2026-01-04')).toBe(true);
  });

  it('a normal week', () => {
    // 2025-03-10 is a Monday; no holiday in March 2025.
    expect(cal.addWorkdays('2025-03-10', 4).date).toBe('2025-03-14');
    expect(cal.addWorkdays('2025-03-14', 1).date).toBe('2025-03-17'); // Fri → Mon
    expect(cal.addWorkdays('2025-03-15', 1).date).toBe('2025-03-17'); // Sat → Mon
    expect(cal.addWorkdays('2025-03-16', 5).date).toBe('2025-03-21'); // Sun → Fri
    expect(cal.addWorkdays('2025-03-10', 5).date).toBe('2025-03-17');
    expect(cal.workdaysBetween('2025-03-09', '2025-03-16')).toEqual({ days: 5, estimated: false });
    expect(cal.workdaysBetween('2025-03-14', '2025-03-16').days).toBe(0);
  });

  it('n = 0 returns the date itself, working day or not', () => {
    expect(cal.addWorkdays('2025-01-25', 0)).toEqual({ date: '2025-01-25', estimated: false });
    expect(cal.addWorkdays('2025-03-10', 0)).toEqual({ date: '2025-03-10', estimated: false });
    expect(cal.addWorkdays('2027-06-05', 0)).toEqual({ date: '2027-06-05', estimated: true });
  });

  it('rejects a negative or fractional n', () => {
    expect(() => cal.addWorkdays('2025-03-10', -1)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2025-03-10', 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkdays('2025-03-10', Number.NaN)).toThrow(RangeError);
  });

  it('workdaysBetween is 0 on the same day and negative backwards', () => {
    expect(cal.workdaysBetween('2025-03-12', '2025-03-12')).toEqual({ days: 0, estimated: false });
    expect(cal.workdaysBetween('2027-03-12', '2027-03-12')).toEqual({ days: 0, estimated: false });
    expect(cal.workdaysBetween('2025-10-13', '2025-09-26')).toEqual({ days: -7, estimated: false });
    expect(cal.workdaysBetween('2025-03-16', '2025-03-09')).toEqual({ days: -5, estimated: false });
  });
});

describe('WorkdayCalendar — beyond the package years', () => {
  it('2027 follows Mon–Fri and is estimated', () => {
    // 2027-01-01 is a Friday; Mar 2027: Mon 01 … Wed 31.
    expect(cal.isKnown('2027-01-01')).toBe(false);
    expect(cal.isKnown('2026-12-31')).toBe(true);
    expect(cal.isWorkday('2027-01-01')).toBe(true);
    expect(cal.isWorkday('2027-01-02')).toBe(false);
    expect(cal.addWorkdays('2026-12-31', 1)).toEqual({ date: '2027-01-01', estimated: true });
    expect(cal.addWorkdays('2027-03-05', 1)).toEqual({ date: '2027-03-08', estimated: true });
    // (03-01, 03-31]: 02–05 (4) + 3 full weeks (15) + 29–31 (3) = 22
    expect(cal.workdaysBetween('2027-03-01', '2027-03-31')).toEqual({ days: 22, estimated: true });
    // Spanning into 2027 from 2026 is estimated; staying inside 2026 is not.
    expect(cal.workdaysBetween('2026-12-30', '2027-01-01')).toEqual({ days: 2, estimated: true });
    expect(cal.workdaysBetween('2027-01-01', '2026-12-30')).toEqual({ days: -2, estimated: true });
    expect(cal.workdaysBetween('2026-12-01', '2026-12-31').estimated).toBe(false);
    expect(cal.getDay('2027-01-01').source).toBe('weekday_rule');
  });

  it('an override making 2027-01-01 a holiday changes the result and makes the day known', () => {
    const c = WorkdayCalendar.fromPackage([{ date: '2027-01-01', isWorkday: false, note: '元旦' }]);
    expect(c.isKnown('2027-01-01')).toBe(true);
    expect(c.isWorkday('2027-01-01')).toBe(false);
    // Fri 01-01 off, weekend → Mon 01-04; still estimated since the weekend days are unknown.
    expect(c.addWorkdays('2026-12-31', 1)).toEqual({ date: '2027-01-04', estimated: true });
    expect(c.workdaysBetween('2026-12-31', '2027-01-04').days).toBe(1);
    // Once every consulted day is overridden the answer is no longer estimated.
    const full = WorkdayCalendar.fromPackage([
      { date: '2027-01-01', isWorkday: false },
      { date: '2027-01-02', isWorkday: false },
      { date: '2027-01-03', isWorkday: false },
      { date: '2027-01-04', isWorkday: true },
    ]);
    expect(full.addWorkdays('2026-12-31', 1)).toEqual({ date: '2027-01-04', estimated: false });
    expect(full.workdaysBetween('2026-12-31', '2027-01-04')).toEqual({ days: 1, estimated: false });
    expect(full.addWorkdays('2026-12-31', 2)).toEqual({ date: '2027-01-05', estimated: true });
  });

  it('an override in 2025 beats the package', () => {
    const c = WorkdayCalendar.fromPackage([
      { date: '2025-01-26', isWorkday: false }, // cancel the adjusted Sunday
      { date: '2025-10-08', isWorkday: true }, // reopen the last day of the break
    ]);
    expect(c.addWorkdays('2025-01-24', 1)).toEqual({ date: '2025-01-27', estimated: false });
    expect(c.addWorkdays('2025-01-24', 7).date).toBe('2025-02-11');
    expect(c.addWorkdays('2025-09-30', 1).date).toBe('2025-10-08');
    expect(c.getDay('2025-10-08').source).toBe('override');
    // The shared default calendar is untouched.
    expect(cal.addWorkdays('2025-01-24', 1).date).toBe('2025-01-26');
  });
});

describe('WorkdayCalendar — range', () => {
  it('covers 2004-01-01 … 2030-12-31 by default', () => {
    expect(cal.from).toBe(DEFAULT_CALENDAR_RANGE.from);
    expect(cal.to).toBe(DEFAULT_CALENDAR_RANGE.to);
  });

  it('throws CalendarRangeError outside the built range', () => {
    expect(() => cal.isWorkday('2003-12-31')).toThrow(CalendarRangeError);
    expect(() => cal.isKnown('2031-01-01')).toThrow(CalendarRangeError);
    expect(() => cal.workdaysBetween('2025-01-01', '2031-01-01')).toThrow(CalendarRangeError);
    expect(() => cal.addWorkdays('2030-12-31', 1)).toThrow(CalendarRangeError);
    expect(cal.addWorkdays('2030-12-30', 1).date).toBe('2030-12-31'); // Monday → Tuesday
    const small = WorkdayCalendar.fromPackage(undefined, { from: '2025-01-01', to: '2025-01-31' });
    expect(() => small.addWorkdays('2025-01-24', 5)).toThrow(CalendarRangeError);
    try {
      small.isWorkday('2025-02-01');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RangeError);
      expect((e as CalendarRangeError).date).toBe('2025-02-01');
      expect((e as Error).name).toBe('CalendarRangeError');
    }
  });

  it('throws TypeError, not CalendarRangeError, for a malformed date', () => {
    expect(() => cal.isWorkday('2025-02-30')).toThrow(TypeError);
    expect(() => cal.isWorkday('2025/01/01')).toThrow(TypeError);
  });

  it('requires a contiguous, non-empty day list', () => {
    const days = buildCalendarDays({ from: '2025-01-01', to: '2025-01-05', packageData: PACKAGE_DATA });
    expect(() => new WorkdayCalendar([])).toThrow(RangeError);
    expect(() => new WorkdayCalendar([days[0]!, days[2]!])).toThrow(RangeError);
  });
});

describe('WorkdayCalendar — exhaustive comparison with the raw rule', () => {
  const dates = eachDate('2004-01-01', '2026-12-31');

  it('isWorkday agrees with the raw JSON rule and chinese-days itself on every date', () => {
    for (const d of eachDate('2004-01-01', '2030-12-31')) {
      if (cal.isWorkday(d) !== naiveIsWorkday(d)) expect.fail(`isWorkday(${d})`);
      if (d <= LAST_KNOWN && cal.isWorkday(d) !== libIsWorkday(d)) expect.fail(`chinese-days isWorkday(${d})`);
      if (cal.isKnown(d) !== d <= LAST_KNOWN) expect.fail(`isKnown(${d})`);
    }
  });

  it('addWorkdays(d, n) for n = 1..15 matches a day-by-day walk, and workdaysBetween inverts it', () => {
    let checked = 0;
    for (const d of dates) {
      // One walk per start date yields the 1st … 15th working day after it.
      const expected: string[] = [];
      for (let cur = naiveNext(d); expected.length < 15; cur = naiveNext(cur)) {
        if (naiveIsWorkday(cur)) expected.push(cur);
      }
      for (let n = 1; n <= 15; n++) {
        const want = expected[n - 1]!;
        const got = cal.addWorkdays(d, n);
        if (got.date !== want || got.estimated !== want > LAST_KNOWN) {
          expect.fail(`addWorkdays(${d}, ${n}) = ${JSON.stringify(got)}, want ${want}`);
        }
        const between = cal.workdaysBetween(d, got.date);
        if (between.days !== n || between.estimated !== got.estimated) {
          expect.fail(`workdaysBetween(${d}, ${got.date}) = ${JSON.stringify(between)}, want ${n}`);
        }
        if (cal.workdaysBetween(got.date, d).days !== -n) expect.fail(`workdaysBetween(${got.date}, ${d})`);
        checked++;
      }
    }
    expect(checked).toBe(8401 * 15);
  });

  it('is fast enough to be called millions of times', () => {
    const start = performance.now();
    let sink = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const d = dates[i % dates.length]!;
      sink += cal.addWorkdays(d, (i % 15) + 1).date.length;
      sink += cal.workdaysBetween(d, dates[(i * 7) % dates.length]!).days;
    }
    expect(sink).not.toBe(0);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
