/**
 * Working days and timeliness against a working-day deadline (design.md §5): the one working-day arithmetic in SQL and
 * the one status mechanism of the product, used by double publicity (7 working days to publish), joint sanctions
 * (feedback due `feedbackDays` working days after the push) and inspection notices (reply deadlines).
 *
 * It has two halves, so that the calendar work can be done once and stored while `asOf` is applied per query:
 *   1. calendar half (per item, independent of asOf): deadline = addWorkdays(start, n), delay = workdaysBetween(start,
 *      answered), and whether the calendar really knows the dates involved;
 *   2. asOf half: status of an item as of a date, from its deadline and its answer date.
 *
 * Both come as SQL fragments (arguments are SQL expressions of columns or bound parameters, never values) and as pure
 * TypeScript over WorkdayCalendar; tests check that the two agree.
 *
 * Outside the range of the calendar table (2004–2030) the SQL dictionaries have no entry: instead of returning a
 * dictionary default (a nonsense 1970 date) both halves fall back to the Monday–Friday rule and flag the item as not
 * known, exactly like days of years whose State Council schedule is not published yet.
 */
import { addDays, dayOfWeek, toDayNumber, type WorkdayCalendar } from '../domain/calendar';

// ---------------------------------------------------------------------------------------------------------
// The calendar dictionaries (clickhouse/migrations/002_calendar.sql). workday_no(d) counts working days up to and
// including d, so addWorkdays(d, n) is the working day numbered workday_no(d) + n and workdaysBetween(a, b) is
// workday_no(b) − workday_no(a).

export const isWorkdaySql = (date: string) => `dictGet('calendar_by_date', 'is_workday', ${date})`;

/** 1 when the calendar really knows the date (package year or admin override), 0 when it is a Mon–Fri guess or out of range. */
export const calendarKnownSql = (date: string) => `dictGetOrDefault('calendar_by_date', 'known', ${date}, toUInt8(0))`;

// ---------------------------------------------------------------------------------------------------------
// Calendar half, SQL

/** Working days Mon–Fri in [1969-12-29 (a Monday), d]: the weekday rule's running number. */
const weekdayNoSql = (d: string) => `(5 * intDiv(toUInt32(${d}) + 3, 7) + least((toUInt32(${d}) + 3) % 7 + 1, 5))`;

/** The n-th Monday–Friday strictly after d (a weekend start counts from the Friday before). */
const addWeekdaysSql = (d: string, n: string) => {
  const base = `(${d} - greatest(toDayOfWeek(${d}) - 5, 0))`;
  return `(${base} + intDiv(${n}, 5) * 7 + (${n}) % 5 + if(toDayOfWeek(${base}) + (${n}) % 5 > 5, 2, 0))`;
};

/**
 * addWorkdays(d, n) through the calendar dictionaries, the weekday rule where they have no answer (d outside the
 * calendar, or the result past its end). Kept small on purpose: the analyzer's time grows with expression size.
 */
export const deadlineSql = (d: string, n: string) =>
  `dictGetOrDefault('workday_by_number', 'date',
      toUInt64(dictGetOrDefault('calendar_by_date', 'workday_no', ${d}, toUInt32(4000000000))) + ${n},
      toDate(${addWeekdaysSql(d, n)}))`;

/** workdaysBetween(a, b): working days in (a, b], negative when b < a; the weekday rule outside the calendar. */
export const delaySql = (a: string, b: string) =>
  `ifNull(toInt64(dictGetOrNull('calendar_by_date', 'workday_no', ${b})) - toInt64(dictGetOrNull('calendar_by_date', 'workday_no', ${a})),
      toInt64(${weekdayNoSql(b)}) - toInt64(${weekdayNoSql(a)}))`;

/**
 * 1 when the calendar knows every date the item's figures depend on: start, deadline and (if answered) the answer.
 * Unknown dates are contiguous years beyond the published schedules, so the end points decide for the span.
 */
export const knownSql = (start: string, deadline: string, answered: string, answeredOn: string) =>
  `toUInt8(${calendarKnownSql(start)} AND ${calendarKnownSql(deadline)} AND (${answered} = 0 OR ${calendarKnownSql(answeredOn)}))`;

// ---------------------------------------------------------------------------------------------------------
// asOf half, SQL

export const STATUSES = ['on_time', 'late', 'overdue', 'pending'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Conditions (UInt8 SQL expressions) of the four statuses as of `asOf`, from an item's deadline, whether it was
 * answered (published) and on which date. An answer dated after asOf was not there yet as of asOf.
 *   on_time  answered by asOf, on or before the deadline
 *   late     answered by asOf, after the deadline
 *   overdue  not answered by asOf and asOf is past the deadline (for double publicity: missing)
 *   pending  not answered by asOf and the deadline is not past yet
 */
export function statusSql(c: { deadline: string; answered: string; answeredOn: string; asOf: string }) {
  const answeredAsOf = `(${c.answered} = 1 AND ${c.answeredOn} <= ${c.asOf})`;
  const onTime = `(${answeredAsOf} AND ${c.answeredOn} <= ${c.deadline})`;
  const late = `(${answeredAsOf} AND ${c.answeredOn} > ${c.deadline})`;
  const overdue = `(NOT ${answeredAsOf} AND ${c.asOf} > ${c.deadline})`;
  const pending = `(NOT ${answeredAsOf} AND ${c.asOf} <= ${c.deadline})`;
  // The same four cases, written compactly (expression size costs analysis time).
  const status = `multiIf(${answeredAsOf}, if(${c.answeredOn} <= ${c.deadline}, 'on_time', 'late'), ${c.asOf} > ${c.deadline}, 'overdue', 'pending')`;
  return { answeredAsOf, onTime, late, overdue, pending, status };
}

// ---------------------------------------------------------------------------------------------------------
// The same in TypeScript (pure)

const inRange = (cal: WorkdayCalendar, d: string) => d >= cal.from && d <= cal.to;
const isKnownDate = (cal: WorkdayCalendar, d: string) => inRange(cal, d) && cal.isKnown(d);

/** Mirror of the weekday-rule fallback. */
function addWeekdays(d: string, n: number): string {
  const dow = dayOfWeek(d);
  const base = addDays(d, -Math.max(dow - 5, 0));
  const bdow = dayOfWeek(base);
  return addDays(base, Math.floor(n / 5) * 7 + (n % 5) + (bdow + (n % 5) > 5 ? 2 : 0));
}
const weekdayNo = (d: string) => {
  const k = toDayNumber(d) + 3;
  return 5 * Math.floor(k / 7) + Math.min((k % 7) + 1, 5);
};

/** addWorkdays with the weekday fallback: the TypeScript twin of deadlineSql. */
export function deadlineOf(cal: WorkdayCalendar, start: string, n: number): { date: string; known: boolean } {
  if (inRange(cal, start)) {
    try {
      const r = cal.addWorkdays(start, n);
      return { date: r.date, known: isKnownDate(cal, start) && isKnownDate(cal, r.date) };
    } catch {
      // past the end of the calendar: weekday rule below
    }
  }
  return { date: addWeekdays(start, n), known: false };
}

/** workdaysBetween with the weekday fallback: the TypeScript twin of delaySql. */
export function delayOf(cal: WorkdayCalendar, a: string, b: string): number {
  if (inRange(cal, a) && inRange(cal, b)) return cal.workdaysBetween(a, b).days;
  return weekdayNo(b) - weekdayNo(a);
}

export type Timeliness = {
  deadline: string;
  /** Working days from the start to the answer, when answered by asOf. */
  delay: number | null;
  status: Status;
  /** False when any date involved is outside the years the calendar knows (figures carry a warning). */
  known: boolean;
};

/** Status of one item as of asOf: the reference the SQL is tested against. */
export function timeliness(
  cal: WorkdayCalendar,
  item: { start: string; workdays: number; answeredOn: string | null; asOf: string },
): Timeliness {
  const dl = deadlineOf(cal, item.start, item.workdays);
  const answered = item.answeredOn !== null && item.answeredOn <= item.asOf ? item.answeredOn : null;
  // Same rule as knownSql: the end points (start, deadline) and the answer date, if any.
  const known = dl.known && (item.answeredOn === null || isKnownDate(cal, item.answeredOn));
  if (answered !== null) {
    return {
      deadline: dl.date,
      delay: delayOf(cal, item.start, answered),
      status: answered <= dl.date ? 'on_time' : 'late',
      known,
    };
  }
  return { deadline: dl.date, delay: null, status: item.asOf > dl.date ? 'overdue' : 'pending', known };
}
