import { env } from './env';

/**
 * The product's one clock. Every "now" and "today" (receipt times, validation bounds, default periods, audit and
 * event times, times written into ClickHouse, cache keys) is read here, never from `Date` or ClickHouse's `now()`,
 * so that one setting moves all of them together:
 *
 * - `APP_TODAY=YYYY-MM-DD` pins the calendar day (demos, tests). The clock then starts at 12:00 of that day
 *   (Asia/Shanghai) when the process first reads it and runs on from there, held within the day (at most 23:59:59.999):
 *   a receipt time is never on another day than "today", successive receipts come in order, and the time of day is the
 *   same whenever the suite runs (a backfilled 10:00 receipt of the pinned day is never "in the future" by accident).
 * - `APP_CLOCK_OFFSET_DAYS=N` shifts the clock N days (fractions allowed, negative too) from the system clock, as if
 *   the machine's clock were set that far ahead: the check that no test depends on the wall clock runs the suite
 *   with it two years ahead. Being an offset, it is the same in every process (test workers, the server, scripts).
 *
 * Elapsed time (timeouts, TTLs, durations) is not a "now": it is measured with `performance.now()` or `Date.now()`
 * differences and is unaffected by either setting.
 */

const DAY_MS = 86_400_000;
// Shanghai has no daylight saving time: UTC+8 all year.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const PINNED_DAY_START_MS = 12 * 3_600_000;
/** System time of this process's first read of a pinned day: the pinned clock runs on from 12:00 since then. */
let pinnedSince: number | undefined;

const shanghaiDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai, the city's time zone for every report. */
export function shanghaiDateOf(instant: Date): string {
  return shanghaiDate.format(instant);
}

/** The product's current instant (see the settings above). */
export function now(): Date {
  const e = env();
  if (!e.APP_TODAY) return new Date(Date.now() + (e.APP_CLOCK_OFFSET_DAYS ?? 0) * DAY_MS);
  pinnedSince ??= Date.now();
  const timeOfDayMs = Math.min(PINNED_DAY_START_MS + (Date.now() - pinnedSince), DAY_MS - 1);
  return new Date(Date.parse(`${e.APP_TODAY}T00:00:00+08:00`) + timeOfDayMs);
}

/** Today in Asia/Shanghai, by the product's clock. */
export function today(): string {
  return shanghaiDateOf(now());
}

/** 'YYYY-MM-DD HH:MM:SS.sss' in Asia/Shanghai, how DateTime64(3, 'Asia/Shanghai') columns take text; now by default. */
export function shanghaiTimestamp(instant: Date = now()): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('T', ' ').replace('Z', '');
}

/** Tests: start the pinned day's clock afresh at 12:00 on its next read. */
export function resetPinnedClock(): void {
  pinnedSince = undefined;
}
