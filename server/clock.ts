import { env } from './env';

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

/** Today in Asia/Shanghai; APP_TODAY pins it (demo snapshots, tests). */
export function today(): string {
  return env().APP_TODAY ?? shanghaiDateOf(new Date());
}

/** 'YYYY-MM-DD HH:MM:SS.sss' in Asia/Shanghai: how DateTime64(3, 'Asia/Shanghai') columns take text. */
export function shanghaiTimestamp(instant: Date = new Date()): string {
  // Shanghai has no daylight saving time: UTC+8 all year.
  return new Date(instant.getTime() + 8 * 3600_000).toISOString().replace('T', ' ').replace('Z', '');
}
