import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  calendarDayKind,
  noticeChanges,
  noticeOverrides,
  noticeRejection,
  parseHolidayNotice,
  type ParsedNotice,
} from '../../server/calendar/notice';
import { PACKAGE_DATA, buildCalendarDays, dayOfWeek, eachDate } from '../../server/domain/calendar';

// Published notices, written out from the State Council texts: full texts for 2023–2026, numbered lines only
// for the older years (the admin may paste either).
const FIXTURE_YEARS = [2017, 2021, 2022, 2023, 2024, 2025, 2026];
const fixture = (year: number) => readFileSync(new URL(`./fixtures/notices/${year}.txt`, import.meta.url), 'utf8');
const parsedFixtures = new Map(FIXTURE_YEARS.map((y) => [y, parseHolidayNotice(fixture(y), y)]));

/** Parse a one-line (or few-line) notice and expect it to read cleanly. */
function clean(text: string, year: number): ParsedNotice {
  const parsed = parseHolidayNotice(text, year);
  expect(parsed.unparsed).toEqual([]);
  return parsed;
}

/** Parse text that must be reported; returns the single reason. */
function rejected(text: string, year: number): string {
  const parsed = parseHolidayNotice(text, year);
  expect(parsed.festivals).toEqual([]);
  expect(parsed.holidays).toEqual([]);
  expect(parsed.unparsed).toHaveLength(1);
  return parsed.unparsed[0]!.reason;
}

describe('published notices equal the chinese-days package day by day', () => {
  for (const year of FIXTURE_YEARS) {
    it(`${year}`, () => {
      const parsed = parsedFixtures.get(year)!;
      expect(parsed.unparsed).toEqual([]);
      // The last days of December may be decided by the next year's notice (2023's 元旦 starts 2022-12-31).
      const next = parsedFixtures.get(year + 1);
      const holidays = new Set([...parsed.holidays, ...(next?.holidays ?? [])]);
      const workdays = new Set([...parsed.adjustedWorkdays, ...(next?.adjustedWorkdays ?? [])]);
      const previousYear = [...parsed.holidays, ...parsed.adjustedWorkdays].filter((d) => d < `${year}-01-01`);
      const mismatches: string[] = [];
      for (const date of [...previousYear, ...eachDate(`${year}-01-01`, `${year}-12-31`)]) {
        if (holidays.has(date) !== (date in PACKAGE_DATA.holidays)) mismatches.push(`${date} holiday`);
        if (workdays.has(date) !== (date in PACKAGE_DATA.workdays)) mismatches.push(`${date} adjusted workday`);
      }
      expect(mismatches).toEqual([]);
      expect(parsed.holidays.length).toBeGreaterThan(20);
    });
  }

  it('names each festival as written, one per numbered line', () => {
    expect(parsedFixtures.get(2025)!.festivals.map((f) => [f.line, f.name])).toEqual([
      [6, '元旦'],
      [7, '春节'],
      [8, '清明节'],
      [9, '劳动节'],
      [10, '端午节'],
      [11, '国庆节、中秋节'],
    ]);
    expect(parsedFixtures.get(2023)!.festivals.map((f) => f.name)).toContain('中秋节、国庆节');
  });

  it('keeps the 鼓励… sentence of 2024 as a note, not a holiday (除夕 2月9日 stays a working day)', () => {
    const spring = parsedFixtures.get(2024)!.festivals.find((f) => f.name === '春节')!;
    expect(spring.notes).toEqual(['鼓励各单位结合带薪年休假等制度落实,安排职工在除夕(2月9日)休息']);
    expect(spring.holidays).not.toContain('2024-02-09');
    expect(spring.holidays).toEqual(eachDate('2024-02-10', '2024-02-17'));
  });

  it('reads a notice pasted as a single paragraph like the same notice line by line', () => {
    const oneLine = parseHolidayNotice(fixture(2025).replace(/\s+/g, ''), 2025);
    const byLine = parsedFixtures.get(2025)!;
    expect(oneLine.unparsed).toEqual([]);
    expect(oneLine.holidays).toEqual(byLine.holidays);
    expect(oneLine.adjustedWorkdays).toEqual(byLine.adjustedWorkdays);
    expect(oneLine.festivals.map((f) => f.name)).toEqual(byLine.festivals.map((f) => f.name));
  });
});

describe('wordings across the years', () => {
  it('一、元旦：1月1日放假，与周末连休。', () => {
    const p = clean('一、元旦：1月1日放假，与周末连休。', 2024);
    expect(p.holidays).toEqual(['2024-01-01']);
    expect(p.adjustedWorkdays).toEqual([]);
  });

  it('一、元旦：1月1日（周三）放假1天，不调休。', () => {
    expect(clean('一、元旦：1月1日（周三）放假1天，不调休。', 2025).holidays).toEqual(['2025-01-01']);
  });

  it('二、春节 of 2025 with lunar and weekday annotations and a 上班 list', () => {
    const p = clean(
      '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。',
      2025,
    );
    expect(p.festivals).toEqual([
      {
        name: '春节',
        holidays: eachDate('2025-01-28', '2025-02-04'),
        adjustedWorkdays: ['2025-01-26', '2025-02-08'],
        notes: [],
        line: 1,
        text: '二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。',
      },
    ]);
  });

  it('六、国庆节、中秋节：10月1日（周三）至8日（周三）… with an end date without month', () => {
    const p = clean('六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。', 2025);
    expect(p.holidays).toEqual(eachDate('2025-10-01', '2025-10-08'));
    expect(p.festivals[0]!.name).toBe('国庆节、中秋节');
  });

  it('a range crossing a month: 9月29日至10月6日', () => {
    const p = clean('六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。', 2023);
    expect(p.holidays).toEqual(eachDate('2023-09-29', '2023-10-06'));
    expect(p.adjustedWorkdays).toEqual(['2023-10-07', '2023-10-08']);
  });

  it('元旦 starting in the previous year: 12月30日至1月1日 and its 12月29日 上班 belong to the previous year', () => {
    const p = clean('一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。', 2019);
    expect(p.holidays).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(p.adjustedWorkdays).toEqual(['2018-12-29']);
    // The 2019 schedule as the package has it.
    for (const d of p.holidays) expect(d in PACKAGE_DATA.holidays).toBe(true);
    expect('2018-12-29' in PACKAGE_DATA.workdays).toBe(true);
  });

  it('the same range with explicit years (the 2019 notice wording)', () => {
    const p = clean('一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。', 2019);
    expect(p.holidays).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(p.adjustedWorkdays).toEqual(['2018-12-29']);
  });

  it('a December date on a line other than 元旦 is in the notice year, so 12月31日至1月2日 there is reported', () => {
    expect(rejected('二、春节：12月31日至1月2日放假调休，共3天。', 2023)).toMatch(/ends before it starts/);
  });

  it.each(['至', '—', '-', '～', '~', '－', '——'])('range mark %s', (mark) => {
    expect(clean(`三、清明节：4月4日${mark}6日放假，共3天。`, 2025).holidays).toEqual(['2025-04-04', '2025-04-05', '2025-04-06']);
  });

  it('上班 lists separated by 、 or by ，', () => {
    for (const sep of ['、', '，', ',']) {
      const p = clean(`二、春节：1月28日至2月4日放假调休，共8天。1月26日（周日）${sep}2月8日（周六）上班。`, 2025);
      expect(p.adjustedWorkdays).toEqual(['2025-01-26', '2025-02-08']);
    }
  });

  it('a single 上班 day and 星期/周/星期天 annotations', () => {
    const p = clean('一、元旦：1月1日（星期四）至3日（星期六）放假调休，共3天。1月4日（星期天）上班。', 2026);
    expect(p.holidays).toEqual(['2026-01-01', '2026-01-02', '2026-01-03']);
    expect(p.adjustedWorkdays).toEqual(['2026-01-04']);
  });

  it('补休 days are holidays (2017: 1月1日放假，1月2日（星期一）补休)', () => {
    expect(clean('一、元旦：1月1日放假，1月2日（星期一）补休。', 2017).holidays).toEqual(['2017-01-01', '2017-01-02']);
  });

  it('放假，共1天 / 放假 alone / 放假公休', () => {
    expect(clean('三、清明节：4月5日放假，共1天。', 2023).holidays).toEqual(['2023-04-05']);
    expect(clean('四、劳动节：5月1日放假。', 2019).holidays).toEqual(['2019-05-01']);
    expect(clean('五、端午节：6月22日至24日放假公休，共3天。', 2012).holidays).toEqual(eachDate('2012-06-22', '2012-06-24'));
  });

  it('an annotation holding a comma inside its parentheses', () => {
    const p = clean('二、春节：1月24日（农历除夕，星期五）至30日（农历正月初六，星期四）放假调休，共7天。', 2020);
    expect(p.holidays).toEqual(eachDate('2020-01-24', '2020-01-30'));
  });

  it('full-width digits, letters and punctuation read like half-width', () => {
    const p = clean('一、元旦：１月１日（周三）放假１天，不调休。\n二、春节：１月２８日（农历除夕、周二）至２月４日放假调休，共８天。１月２６日（周日）、２月８日（周六）上班。', 2025);
    expect(p.holidays).toEqual(['2025-01-01', ...eachDate('2025-01-28', '2025-02-04')]);
    expect(p.adjustedWorkdays).toEqual(['2025-01-26', '2025-02-08']);
  });

  it('half-width punctuation and spaces inside a line', () => {
    const p = clean('二、春节: 1月28日(周二) 至 2月4日(周二) 放假调休, 共8天. ', 2025);
    expect(p.holidays).toEqual(eachDate('2025-01-28', '2025-02-04'));
  });

  it('a festival line pasted without its number is still read', () => {
    expect(clean('元旦：1月1日（周三）放假1天，不调休。', 2025).holidays).toEqual(['2025-01-01']);
    expect(clean('1、元旦：1月1日放假。', 2025).holidays).toEqual(['2025-01-01']);
  });
});

describe('lines it cannot read are reported, never guessed', () => {
  it('a weekday annotation that does not match the date', () => {
    const p = parseHolidayNotice('一、元旦：1月1日（周四）放假1天，不调休。', 2025);
    expect(p.holidays).toEqual([]);
    expect(p.unparsed).toEqual([
      {
        line: 1,
        text: '一、元旦：1月1日（周四）放假1天，不调休。',
        reason: '"1月1日(周四)": 2025-01-01 is a Wednesday, the text says 周四',
      },
    ]);
  });

  it('a weekday mismatch on a range end or a 上班 day', () => {
    expect(rejected('六、国庆节、中秋节：10月1日（周三）至8日（周四）放假调休，共8天。', 2025)).toMatch(/2025-10-08 is a Wednesday/);
    expect(rejected('二、春节：1月28日至2月4日放假调休，共8天。1月26日（周六）上班。', 2025)).toMatch(/2025-01-26 is a Sunday/);
  });

  it('a date that is not real', () => {
    expect(rejected('二、春节：2月30日放假。', 2025)).toBe('"2月30日" is not a real date');
    expect(rejected('二、春节：13月1日放假。', 2025)).toBe('"13月1日" is not a real date');
  });

  it('a date outside the notice year', () => {
    expect(rejected('四、劳动节：2024年5月1日放假。', 2025)).toMatch(/outside the 2025 schedule/);
  });

  it('共N天 or 放假N天 that disagrees with the dates', () => {
    expect(rejected('二、春节：1月28日至2月4日放假调休，共7天。', 2025)).toBe('The line says 共7天 but its dates give 8 days');
    expect(rejected('一、元旦：1月1日至2日放假1天。', 2025)).toMatch(/says 1 days but the dates give 2/);
  });

  it('an adjusted working day that is a weekday', () => {
    expect(rejected('二、春节：1月28日至2月4日放假调休，共8天。2月7日上班。', 2025)).toMatch(/is a Friday: only a weekend day/);
  });

  it('wording it does not know', () => {
    expect(rejected('二、春节：另行通知。', 2025)).toBe('Cannot read "另行通知"');
    expect(rejected('二、春节：1月28日至2月4日休息，共8天。', 2025)).toMatch(/^Cannot read/);
    expect(rejected('二、春节：1月28日（补班）放假。', 2025)).toMatch(/annotation "补班"/);
    expect(rejected('二、春节：1月26日（周日），2月8日（周六）。', 2025)).toMatch(/Dates without 放假 or 上班/);
    expect(rejected('二、春节 1月28日放假。', 2025)).toBe('No festival name before "："');
    expect(rejected('二、春节：1月26日（周日）上班。', 2025)).toBe('No holiday in the line');
  });

  it('a date given twice, in one line or by two lines', () => {
    expect(rejected('二、春节：1月28日放假，1月28日补休。', 2025)).toBe('2025-01-28 is given twice');
    const p = parseHolidayNotice('一、元旦：1月1日放假。\n\n三、清明节：1月1日至2日放假。', 2025);
    expect(p.holidays).toEqual(['2025-01-01']);
    expect(p.unparsed).toEqual([{ line: 3, text: '三、清明节：1月1日至2日放假。', reason: '2025-01-01 is already given by line 1 (元旦)' }]);
  });

  it('an unnumbered schedule line without a festival name', () => {
    expect(rejected('1月28日至2月4日放假调休，共8天。', 2025)).toBe('Holiday dates outside a numbered festival line');
  });

  it('a notice for another year', () => {
    const p = parseHolidayNotice(fixture(2025), 2026);
    // Title and preamble say so, and every festival line's weekdays are wrong for 2026.
    expect(p.festivals).toEqual([]);
    expect(p.unparsed.map((u) => u.line)).toEqual([1, 5, 6, 7, 8, 9, 10, 11]);
    expect(p.unparsed.slice(0, 3).map((u) => u.reason)).toEqual([
      'The notice is for 2025, not 2026',
      'The notice is for 2025, not 2026',
      '"1月1日(周三)": 2026-01-01 is a Thursday, the text says 周三',
    ]);
  });

  it('reports only the bad line and keeps the others, with the pasted line numbers', () => {
    const p = parseHolidayNotice('标题\n一、元旦：1月1日放假。\n二、春节：2月30日放假。\n三、清明节：4月4日至6日放假，共3天。', 2025);
    expect(p.festivals.map((f) => f.name)).toEqual(['元旦', '清明节']);
    expect(p.unparsed.map((u) => u.line)).toEqual([3]);
  });

  it('refuses a non-integer year', () => {
    expect(() => parseHolidayNotice('', 2025.5)).toThrow(RangeError);
  });
});

describe('a notice with no holiday', () => {
  it('preamble and closing only: nothing parsed, nothing reported, and a reason to refuse it', () => {
    const text = fixture(2025)
      .split('\n')
      .filter((l) => !/^\s*[一二三四五六七]、/.test(l))
      .join('\n');
    const p = parseHolidayNotice(text, 2025);
    expect(p).toEqual({ year: 2025, holidays: [], adjustedWorkdays: [], festivals: [], unparsed: [] });
    expect(noticeRejection(p)).toBe('The text yields no holiday for 2025: it has no festival line such as "一、元旦：1月1日放假"');
  });

  it('only unreadable lines: the reason names the first one', () => {
    const p = parseHolidayNotice('一、元旦：2月30日放假。\n二、春节：另行通知。', 2025);
    expect(noticeRejection(p)).toBe(
      'The text yields no holiday for 2025: 2 line(s) could not be read (line 1: "2月30日" is not a real date)',
    );
  });

  it('a notice with holidays is not refused', () => {
    expect(noticeRejection(parsedFixtures.get(2025)!)).toBeUndefined();
  });
});

describe('noticeChanges', () => {
  const packageDays = buildCalendarDays({ from: '2018-12-01', to: '2026-12-31', packageData: PACKAGE_DATA });
  const packageKind = new Map(packageDays.map((d) => [d.date, calendarDayKind(d)]));
  const inForce = (date: string) => packageKind.get(date)!;
  const weekdayRule = (date: string) => calendarDayKind({ date, isWorkday: dayOfWeek(date) <= 5 });

  it('is empty for every fixture year against the package (2023 includes 2022-12-31)', () => {
    for (const year of [2021, 2022, 2023, 2024, 2025, 2026]) {
      const p = parsedFixtures.get(year)!;
      // 2022's last day is decided by the 2023 notice, so 2022 alone shows it as a change: nothing else.
      const expected = year === 2022 ? [{ date: '2022-12-31', from: 'holiday', to: 'weekend' }] : [];
      expect(noticeChanges(p, inForce)).toEqual(expected);
    }
  });

  it('lists what a notice changes in a year with no schedule in force', () => {
    const changes = noticeChanges(parsedFixtures.get(2025)!, weekdayRule);
    expect(changes.slice(0, 4)).toEqual([
      { date: '2025-01-01', from: 'workday', to: 'holiday' },
      { date: '2025-01-26', from: 'weekend', to: 'adjusted_workday' },
      { date: '2025-01-28', from: 'workday', to: 'holiday' },
      { date: '2025-01-29', from: 'workday', to: 'holiday' },
    ]);
    expect(changes).toContainEqual({ date: '2025-02-01', from: 'weekend', to: 'holiday' });
    expect(changes).toHaveLength(28 + 5); // every holiday and adjusted working day of 2025 is a change
  });

  it('includes the previous-year days the notice names', () => {
    const p = clean('一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。', 2019);
    expect(noticeChanges(p, weekdayRule).slice(0, 4)).toEqual([
      { date: '2018-12-29', from: 'weekend', to: 'adjusted_workday' },
      { date: '2018-12-30', from: 'weekend', to: 'holiday' },
      { date: '2018-12-31', from: 'workday', to: 'holiday' },
      { date: '2019-01-01', from: 'workday', to: 'holiday' },
    ]);
  });

  it('shows a day the new notice gives back to work', () => {
    const p = clean('一、元旦：1月1日放假。', 2025);
    expect(noticeChanges(p, inForce)).toContainEqual({ date: '2025-01-28', from: 'holiday', to: 'workday' });
  });
});

describe('noticeOverrides', () => {
  it('holidays off and adjusted working days on, noted with the festival name, in date order', () => {
    const p = clean('一、元旦：12月30日至1月1日放假调休，共3天。12月29日（星期六）上班。\n二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。', 2019);
    const overrides = noticeOverrides(p);
    expect(overrides.slice(0, 5)).toEqual([
      { date: '2018-12-29', isWorkday: true, note: '元旦' },
      { date: '2018-12-30', isWorkday: false, note: '元旦' },
      { date: '2018-12-31', isWorkday: false, note: '元旦' },
      { date: '2019-01-01', isWorkday: false, note: '元旦' },
      { date: '2019-02-02', isWorkday: true, note: '春节' },
    ]);
    expect(overrides).toHaveLength(4 + 9);
  });

  it('on a calendar without package data, rebuild each fixture year exactly as the package does', () => {
    const empty = { holidays: {}, workdays: {} };
    for (const year of [2023, 2024, 2025, 2026]) {
      const range = { from: `${year}-01-01`, to: `${year}-12-31` };
      const fromNotice = buildCalendarDays({ ...range, packageData: empty, knownYears: { from: 0, to: 0 }, overrides: noticeOverrides(parsedFixtures.get(year)!) });
      const fromPackage = buildCalendarDays({ ...range, packageData: PACKAGE_DATA });
      expect(fromNotice.map((d) => [d.date, d.isWorkday, d.workdayNo])).toEqual(fromPackage.map((d) => [d.date, d.isWorkday, d.workdayNo]));
    }
  });
});

describe('an imported year when the package catches up', () => {
  it('changes nothing where the notice agrees: the notice year over the package equals the package alone, day by day', () => {
    for (const year of [2024, 2025, 2026]) {
      const range = { from: `${year - 1}-12-01`, to: `${year}-12-31` };
      const imported = buildCalendarDays({ ...range, packageData: PACKAGE_DATA, noticeYears: [year], overrides: noticeOverrides(parsedFixtures.get(year)!) });
      const plain = buildCalendarDays({ ...range, packageData: PACKAGE_DATA });
      expect(imported.map((d) => [d.date, d.isWorkday, d.workdayNo, d.known])).toEqual(plain.map((d) => [d.date, d.isWorkday, d.workdayNo, d.known]));
      expect(new Set(imported.filter((d) => d.date >= `${year}-01-01`).map((d) => d.source))).toEqual(new Set(['override', 'notice']));
    }
  });
});

describe('calendarDayKind', () => {
  it('tells the four kinds apart', () => {
    expect(calendarDayKind({ date: '2025-01-02', isWorkday: true })).toBe('workday');
    expect(calendarDayKind({ date: '2025-01-26', isWorkday: true })).toBe('adjusted_workday');
    expect(calendarDayKind({ date: '2025-01-04', isWorkday: false })).toBe('weekend');
    expect(calendarDayKind({ date: '2025-02-01', isWorkday: false, holidayName: '春节' })).toBe('holiday');
    expect(calendarDayKind({ date: '2025-01-01', isWorkday: false })).toBe('holiday');
  });
});
