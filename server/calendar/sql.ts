/**
 * Working-day arithmetic as SQL expressions over the calendar dictionaries (clickhouse/migrations/002_calendar.sql).
 * Arguments are SQL expressions of columns or bound parameters (e.g. 'decision_date', '{asOf:Date}'), never values:
 * a metric composes these into its SQL text and still binds every input.
 *
 * workday_no(d) counts working days up to and including d, so:
 *   addWorkdays(d, n)       = the working day numbered workday_no(d) + n   (n-th working day strictly after d)
 *   workdaysBetween(a, b)   = workday_no(b) − workday_no(a)                (working days in (a, b])
 */
export const workdayNoSql = (date: string) => `dictGet('calendar_by_date', 'workday_no', ${date})`;

export const addWorkdaysSql = (date: string, n: string) =>
  `dictGet('workday_by_number', 'date', toUInt64(${workdayNoSql(date)} + ${n}))`;

export const workdaysBetweenSql = (a: string, b: string) => `(toInt64(${workdayNoSql(b)}) - toInt64(${workdayNoSql(a)}))`;

export const isWorkdaySql = (date: string) => `dictGet('calendar_by_date', 'is_workday', ${date})`;

/** 1 when the calendar really knows the date (package year or admin override), 0 when it is a Mon–Fri guess or out of range. */
export const calendarKnownSql = (date: string) => `dictGetOrDefault('calendar_by_date', 'known', ${date}, toUInt8(0))`;
