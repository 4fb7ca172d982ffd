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
