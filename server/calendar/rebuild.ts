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
export async function rebuildCalendar(): Promise<{ days: number; knownYears: { from: number; to: number } }> {
  const overrides = await loadCalendarOverrides();
  const days = buildCalendarDays({ ...DEFAULT_CALENDAR_RANGE, packageData: PACKAGE_DATA, overrides });
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
  return { days: days.length, knownYears: packageKnownYears(PACKAGE_DATA) };
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
