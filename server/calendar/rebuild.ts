import { recordDataChange } from '../db/dataVersions';
import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { insertRows, queryRows, runCommand } from '../db/query';
import {
  buildCalendarDays,
  DEFAULT_CALENDAR_RANGE,
  PACKAGE_DATA,
  packageKnownYears,
  type CalendarOverride,
} from '../domain/calendar';

const overrideRow = z.object({ date: z.string(), is_workday: z.number(), note: z.string() });

/** Years whose State Council notice was imported (their overrides carry notice_year), ascending. */
export async function loadNoticeYears(): Promise<number[]> {
  const rows = await queryRows(
    `-- years with an imported notice
     SELECT DISTINCT notice_year AS year FROM calendar_overrides FINAL WHERE deleted = 0 AND notice_year > 0 ORDER BY year`,
    {},
    z.object({ year: z.number() }),
  );
  return rows.map((r) => r.year);
}

export type KnownYears = {
  /** The package's years, extended by imported years that continue them without a gap. */
  from: number;
  to: number;
  /** Years known only through an imported notice (chinese-days does not have them). */
  noticeYears: number[];
};

/** The years whose schedule is known: the package's and those of imported notices. */
export function knownYearsOf(noticeYears: readonly number[]): KnownYears {
  const pkg = packageKnownYears(PACKAGE_DATA);
  const extra = noticeYears.filter((y) => y < pkg.from || y > pkg.to);
  const set = new Set(extra);
  let { from, to } = pkg;
  while (set.has(to + 1)) to++;
  while (set.has(from - 1)) from--;
  return { from, to, noticeYears: extra };
}

export const isKnownYear = (known: KnownYears, year: number) => (year >= known.from && year <= known.to) || known.noticeYears.includes(year);

export async function calendarKnownYears(): Promise<KnownYears> {
  return knownYearsOf(await loadNoticeYears());
}

export async function loadCalendarOverrides(): Promise<CalendarOverride[]> {
  const rows = await queryRows(
    `-- active calendar overrides
     SELECT toString(date) AS date, is_workday, note FROM calendar_overrides FINAL WHERE deleted = 0 ORDER BY date`,
    {},
    overrideRow,
  );
  return rows.map((r) => ({ date: r.date, isWorkday: r.is_workday === 1, note: r.note }));
}

/**
 * Rewrite calendar_days from the chinese-days package plus admin overrides and reload the two dictionaries.
 * The whole range is rewritten because one override shifts every later running workday number.
 */
export async function rebuildCalendar(): Promise<{ days: number; knownYears: KnownYears }> {
  const overrides = await loadCalendarOverrides();
  const noticeYears = await loadNoticeYears();
  const days = buildCalendarDays({ ...DEFAULT_CALENDAR_RANGE, packageData: PACKAGE_DATA, overrides, noticeYears });
  const builtAt = shanghaiTimestamp();
  await insertRows(
    'calendar_days',
    days.map((d) => ({
      date: d.date,
      is_workday: d.isWorkday ? 1 : 0,
      workday_no: d.workdayNo,
      known: d.known ? 1 : 0,
      source: d.source,
      holiday_name: d.holidayName ?? '',
      built_at: builtAt,
    })),
  );
  await runCommand('OPTIMIZE TABLE calendar_days FINAL');
  await runCommand('SYSTEM RELOAD DICTIONARY calendar_by_date');
  await runCommand('SYSTEM RELOAD DICTIONARY workday_by_number');
  await recordDataChange(['calendar']);
  return { days: days.length, knownYears: knownYearsOf(noticeYears) };
}

/** Build only when the table is empty (start-up); admins' override edits call rebuildCalendar directly. */
export async function ensureCalendar(): Promise<void> {
  const [row] = await queryRows('SELECT count() AS n FROM calendar_days', {}, z.object({ n: z.number() }));
  if (!row || row.n === 0) await rebuildCalendar();
  else {
    await runCommand('SYSTEM RELOAD DICTIONARY calendar_by_date');
    await runCommand('SYSTEM RELOAD DICTIONARY workday_by_number');
  }
}
