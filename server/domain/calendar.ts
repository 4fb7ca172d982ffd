/**
 * Working-day calendar (design §5). Pure: the holiday data is an input, dates are 'YYYY-MM-DD' calendar
 * dates in Asia/Shanghai, and all arithmetic is on day numbers (days since 1970-01-01 UTC) so the
 * machine's time zone never matters.
 */
import chineseDaysData from 'chinese-days/dist/chinese-days.json';

// ---------------------------------------------------------------------------------------------------------
// Date helpers

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse a strict 'YYYY-MM-DD' into a Date at UTC midnight; throws TypeError on anything else. */
export function parseIsoDate(s: string): Date {
  const m = ISO_DATE.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const date = new Date(0);
    // setUTCFullYear, not Date.UTC: the latter maps years 0–99 to 1900–1999.
    date.setUTCFullYear(y, mo - 1, d);
    // Round-trip check rejects e.g. 2025-02-30 which Date would roll over to March.
    if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d) return date;
  }
  throw new TypeError(`Invalid ISO date: ${JSON.stringify(s)}`);
}

/** True when `s` is a strict, real 'YYYY-MM-DD' date. */
export function isIsoDate(s: string): boolean {
  try {
    parseIsoDate(s);
    return true;
  } catch {
    return false;
  }
}

/** Format the UTC calendar date of `d` as 'YYYY-MM-DD'. */
export function formatIsoDate(d: Date): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${day < 10 ? '0' : ''}${day}`;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: string): number {
  return Math.round(parseIsoDate(date).getTime() / MS_PER_DAY);
}

export function fromDayNumber(n: number): string {
  return formatIsoDate(new Date(n * MS_PER_DAY));
}

/** Calendar-day arithmetic (n may be negative). */
export function addDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(date: string): number {
  return ((parseIsoDate(date).getUTCDay() + 6) % 7) + 1;
}

/** Every date in [from, to] inclusive; empty when from > to. */
export function eachDate(from: string, to: string): string[] {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const out: string[] = [];
  for (let n = a; n <= b; n++) out.push(fromDayNumber(n));
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Building the day list

/** Shape of chinese-days' dist/chinese-days.json: date → "English name,中文名,days". */
export interface PackageCalendarData {
  holidays: Record<string, string>;
  /** Adjusted working days (调休上班) that fall on a weekend. */
  workdays: Record<string, string>;
  inLieuDays?: Record<string, string>;
}

/** Admin override, stored in ClickHouse, for years the package does not cover yet (or corrections). */
export type CalendarOverride = { date: string; isWorkday: boolean; note?: string };

/**
 * package: the chinese-days schedule; override: an admin's override of that day (a toggle or an imported notice);
 * notice: a day of a year whose State Council notice was imported that the notice does not name (Mon–Fri, known);
 * weekday_rule: a year nobody published, guessed Mon–Fri (not known).
 */
export type CalendarDaySource = 'package' | 'override' | 'notice' | 'weekday_rule';

export interface CalendarDay {
  date: string;
  isWorkday: boolean;
  /** Working days in [from, date] of the built range. */
  workdayNo: number;
  /** False when the day is only guessed by the Mon–Fri rule (no published schedule, no override). */
  known: boolean;
  source: CalendarDaySource;
  /** Chinese holiday name (zh-CN is the default UI language), or the override's note for a day off. */
  holidayName?: string;
  holidayNameEn?: string;
}

export const PACKAGE_DATA: PackageCalendarData = chineseDaysData;

/** Min/max year present in the package data: the years whose schedules were published. */
export function packageKnownYears(data: PackageCalendarData): { from: number; to: number } {
  let from = Infinity;
  let to = -Infinity;
  for (const table of [data.holidays, data.workdays]) {
    for (const date of Object.keys(table)) {
      const y = Number(date.slice(0, 4));
      if (y < from) from = y;
      if (y > to) to = y;
    }
  }
  if (!Number.isFinite(from)) throw new Error('Calendar package data has no dates');
  return { from, to };
}

export function buildCalendarDays(opts: {
  from: string;
  to: string;
  packageData: PackageCalendarData;
  overrides?: readonly CalendarOverride[];
  knownYears?: { from: number; to: number };
  /**
   * Years whose whole schedule is an imported notice (its days are overrides): the days it does not name follow the
   * Mon–Fri rule and are known, whether or not the package has the year.
   */
  noticeYears?: readonly number[];
}): CalendarDay[] {
  const { packageData } = opts;
  const start = toDayNumber(opts.from);
  const end = toDayNumber(opts.to);
  if (end < start) throw new RangeError(`Calendar range is empty: ${opts.from} > ${opts.to}`);
  const known = opts.knownYears ?? packageKnownYears(packageData);
  const noticeYears = new Set(opts.noticeYears ?? []);

  // Later overrides win over earlier ones for the same date.
  const overrides = new Map<string, CalendarOverride>();
  for (const o of opts.overrides ?? []) {
    parseIsoDate(o.date); // reject malformed dates loudly rather than silently ignoring them
    overrides.set(o.date, o);
  }

  const days: CalendarDay[] = [];
  let workdayNo = 0;
  // Day 0 (1970-01-01) was a Thursday: ISO weekday = ((n + 3) mod 7) + 1.
  for (let n = start; n <= end; n++) {
    const date = fromDayNumber(n);
    const weekday = ((((n + 3) % 7) + 7) % 7) + 1;
    const year = Number(date.slice(0, 4));
    const override = overrides.get(date);
    const holiday = packageData.holidays[date];
    let day: Omit<CalendarDay, 'workdayNo'>;
    if (override) {
      day = { date, isWorkday: override.isWorkday, known: true, source: 'override' };
      if (!override.isWorkday && override.note) day.holidayName = override.note;
    } else if (noticeYears.has(year)) {
      day = { date, isWorkday: weekday <= 5, known: true, source: 'notice' };
    } else if (year >= known.from && year <= known.to) {
      const isWorkday = packageData.workdays[date] !== undefined || (weekday <= 5 && holiday === undefined);
      day = { date, isWorkday, known: true, source: 'package' };
      if (holiday !== undefined) {
        const [en, zh] = holiday.split(',');
        if (zh) day.holidayName = zh;
        if (en) day.holidayNameEn = en;
      }
    } else {
      day = { date, isWorkday: weekday <= 5, known: false, source: 'weekday_rule' };
    }
    if (day.isWorkday) workdayNo++;
    days.push({ ...day, workdayNo });
  }
  return days;
}

// ---------------------------------------------------------------------------------------------------------
// The calendar

/** A date outside the range the calendar was built for (the answer would be a guess, so we refuse). */
export class CalendarRangeError extends RangeError {
  constructor(
    readonly date: string,
    readonly rangeFrom: string,
    readonly rangeTo: string,
  ) {
    super(`Date ${date} is outside the working-day calendar range ${rangeFrom}..${rangeTo}`);
    this.name = 'CalendarRangeError';
  }
}

export const DEFAULT_CALENDAR_RANGE = { from: '2004-01-01', to: '2030-12-31' } as const;

/**
 * O(1) queries over a contiguous day list. Called millions of times by the metric jobs, so every
 * lookup is a Map hit on the date string plus typed-array reads; no Date parsing on the hot path.
 */
export class WorkdayCalendar {
  readonly from: string;
  readonly to: string;
  private readonly dates: string[];
  private readonly index = new Map<string, number>();
  private readonly work: Uint8Array;
  /** Working days in [0, i]. */
  private readonly workNo: Int32Array;
  /** Unknown days in [0, i], to answer "any unknown day in a span" in O(1). */
  private readonly unknownNo: Int32Array;
  /** byWorkNo[k] = index of the k-th working day (k ≥ 1). */
  private readonly byWorkNo: Int32Array;
  private readonly days: readonly CalendarDay[];

  constructor(days: readonly CalendarDay[]) {
    if (days.length === 0) throw new RangeError('WorkdayCalendar needs at least one day');
    const n = days.length;
    this.days = days;
    this.dates = new Array<string>(n);
    this.work = new Uint8Array(n);
    this.workNo = new Int32Array(n);
    this.unknownNo = new Int32Array(n);
    let w = 0;
    let u = 0;
    const first = toDayNumber(days[0]!.date);
    for (let i = 0; i < n; i++) {
      const d = days[i]!;
      // Running counts are recomputed rather than trusted, but the list must be gap-free.
      if (toDayNumber(d.date) !== first + i) throw new RangeError(`Calendar days are not contiguous at ${d.date}`);
      this.dates[i] = d.date;
      this.index.set(d.date, i);
      if (d.isWorkday) {
        this.work[i] = 1;
        w++;
      }
      if (!d.known) u++;
      this.workNo[i] = w;
      this.unknownNo[i] = u;
    }
    this.byWorkNo = new Int32Array(w + 1).fill(-1);
    for (let i = 0; i < n; i++) if (this.work[i]) this.byWorkNo[this.workNo[i]!] = i;
    this.from = this.dates[0]!;
    this.to = this.dates[n - 1]!;
  }

  /** Package data plus admin overrides over `range` (default 2004-01-01..2030-12-31). */
  static fromPackage(
    overrides?: readonly CalendarOverride[],
    range: { from: string; to: string } = DEFAULT_CALENDAR_RANGE,
  ): WorkdayCalendar {
    return new WorkdayCalendar(
      buildCalendarDays({ from: range.from, to: range.to, packageData: PACKAGE_DATA, overrides }),
    );
  }

  private idx(date: string): number {
    const i = this.index.get(date);
    if (i !== undefined) return i;
    parseIsoDate(date); // throws TypeError for a malformed date
    throw new CalendarRangeError(date, this.from, this.to);
  }

  /** Any unknown day in index span [i, j] (i ≤ j)? */
  private anyUnknown(i: number, j: number): boolean {
    return this.unknownNo[j]! - (i > 0 ? this.unknownNo[i - 1]! : 0) > 0;
  }

  isWorkday(date: string): boolean {
    return this.work[this.idx(date)] === 1;
  }

  isKnown(date: string): boolean {
    const i = this.idx(date);
    return !this.anyUnknown(i, i);
  }

  /** The built day record (source, holiday name, …). */
  getDay(date: string): CalendarDay {
    return this.days[this.idx(date)]!;
  }

  /**
   * The n-th working day strictly after `date` (n = 0 → `date` itself). `estimated` when any day from
   * `date` through the result is not known. Throws CalendarRangeError when the result would fall past
   * the built range.
   */
  addWorkdays(date: string, n: number): { date: string; estimated: boolean } {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkdays needs an integer n ≥ 0, got ${n}`);
    const i = this.idx(date);
    if (n === 0) return { date, estimated: this.anyUnknown(i, i) };
    // The first working day after i has number workNo[i] + 1, whether or not i itself is one.
    const target = this.workNo[i]! + n;
    if (target >= this.byWorkNo.length) {
      throw new CalendarRangeError(`${date} + ${n} working days`, this.from, this.to);
    }
    const j = this.byWorkNo[target]!;
    return { date: this.dates[j]!, estimated: this.anyUnknown(i, j) };
  }

  /**
   * Working days in (a, b]; negative (−count of (b, a]) when b < a. `estimated` when any day of that
   * half-open span is not known (a itself is not consulted).
   */
  workdaysBetween(a: string, b: string): { days: number; estimated: boolean } {
    const i = this.idx(a);
    const j = this.idx(b);
    const days = this.workNo[j]! - this.workNo[i]!;
    const lo = Math.min(i, j);
    const hi = Math.max(i, j);
    return { days, estimated: lo < hi && this.anyUnknown(lo + 1, hi) };
  }
}
