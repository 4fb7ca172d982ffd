/**
 * The working-day calendar as the office edits it (issue 14): the days in force with where each came from, a day
 * toggled with a reason, and the State Council notice imported as a year's overrides. Every change is audited and
 * followed by a rebuild of calendar_days and its dictionaries, so every figure keyed on the calendar hash follows.
 */
import { z } from 'zod';
import { writeAudit } from '../auth/audit';
import type { Principal } from '../auth/roles';
import { shanghaiTimestamp, today } from '../clock';
import { insertRows, queryRows } from '../db/query';
import { DEFAULT_CALENDAR_RANGE, dayOfWeek, isIsoDate, toDayNumber, type CalendarDaySource } from '../domain/calendar';
import { isoDate, periodInOrder, periodOrderIssue } from '../domain/period';
import { ClientError } from '../errors';
import { calendarDayKind, noticeChanges, noticeOverrides, noticeRejection, parseHolidayNotice, type DayChange, type DayKind, type UnparsedLine } from './notice';
import { calendarKnownYears, isKnownYear, rebuildCalendar, type KnownYears } from './rebuild';

const FIRST_YEAR = Number(DEFAULT_CALENDAR_RANGE.from.slice(0, 4));
const LAST_YEAR = Number(DEFAULT_CALENDAR_RANGE.to.slice(0, 4));
/** The longest span GET /api/v1/calendar answers: about three years. */
export const MAX_CALENDAR_SPAN_DAYS = 1100;

export type CalendarDayView = {
  date: string;
  workday: boolean;
  kind: DayKind;
  known: boolean;
  source: CalendarDaySource;
  /** Holiday name (package or notice), or '' */
  name: string;
  /** For an override: who set it, when, why (a toggle's reason) and from which notice year (0 for a toggle). */
  override: { by: string; at: string; reason: string; noticeYear: number } | null;
};

const dayRow = z.object({
  date: z.string(),
  is_workday: z.number(),
  known: z.number(),
  source: z.string(),
  holiday_name: z.string(),
  by: z.string().nullable(),
  at: z.string().nullable(),
  reason: z.string().nullable(),
  notice_year: z.number().nullable(),
});

/** The built calendar over [from, to] (inside the built range), each day with its kind and, for overrides, their origin. */
export async function calendarDays(from: string, to: string): Promise<CalendarDayView[]> {
  const rows = await queryRows(
    `-- calendar days in force
     SELECT toString(c.date) AS date, c.is_workday AS is_workday, c.known AS known, c.source AS source, c.holiday_name AS holiday_name,
            o.created_by AS by, toString(o.created_at) AS at, o.reason AS reason, o.notice_year AS notice_year
     FROM (SELECT * FROM calendar_days FINAL WHERE date BETWEEN {from:Date} AND {to:Date}) AS c
     LEFT JOIN (SELECT date, created_by, created_at, reason, notice_year FROM calendar_overrides FINAL
                WHERE deleted = 0 AND date BETWEEN {from:Date} AND {to:Date}) AS o ON o.date = c.date
     ORDER BY c.date
     SETTINGS join_use_nulls = 1`,
    { from, to },
    dayRow,
  );
  return rows.map((r) => {
    const workday = r.is_workday === 1;
    const source = r.source as CalendarDaySource;
    return {
      date: r.date,
      workday,
      kind: calendarDayKind({ date: r.date, isWorkday: workday, holidayName: r.holiday_name || undefined }),
      known: r.known === 1,
      source,
      name: r.holiday_name,
      override: source === 'override' && r.by !== null ? { by: r.by, at: r.at ?? '', reason: r.reason ?? '', noticeYear: r.notice_year ?? 0 } : null,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// GET /api/v1/calendar

export const calendarRangeInput = z
  .object({ from: isoDate.optional(), to: isoDate.optional() })
  .refine(periodInOrder, periodOrderIssue())
  .refine((v) => !v.from || !v.to || !isIsoDate(v.from) || !isIsoDate(v.to) || toDayNumber(v.to) - toDayNumber(v.from) < MAX_CALENDAR_SPAN_DAYS, {
    message: `最多查询约三年 (at most ${MAX_CALENDAR_SPAN_DAYS} days from from to to)`,
    path: ['to'],
  });

/** Days from `from` to `to` (default: this year), refused past about three years or outside the built calendar. */
export async function calendarRange(input: z.output<typeof calendarRangeInput>) {
  const year = today().slice(0, 4);
  const from = input.from ?? (input.to ? `${input.to.slice(0, 4)}-01-01` : `${year}-01-01`);
  const to = input.to ?? `${from.slice(0, 4)}-12-31`;
  if (from > to) throw new ClientError(400, 'from: 开始日期不能晚于结束日期 (from must not be after to)');
  if (toDayNumber(to) - toDayNumber(from) >= MAX_CALENDAR_SPAN_DAYS) {
    throw new ClientError(400, `to: 最多查询约三年 (at most ${MAX_CALENDAR_SPAN_DAYS} days from from to to)`);
  }
  if (from < DEFAULT_CALENDAR_RANGE.from || to > DEFAULT_CALENDAR_RANGE.to) {
    throw new ClientError(400, `from/to: 工作日历覆盖 ${DEFAULT_CALENDAR_RANGE.from} 至 ${DEFAULT_CALENDAR_RANGE.to} (the calendar covers ${DEFAULT_CALENDAR_RANGE.from}..${DEFAULT_CALENDAR_RANGE.to})`);
  }
  const days = await calendarDays(from, to);
  return { from, to, days: days.map(({ date, workday, kind, known, source, name }) => ({ date, workday, kind, known, source, name })) };
}

// ---------------------------------------------------------------------------------------------------------
// The admin's year view

export const calendarYearInput = z.object({ year: z.number().int().min(FIRST_YEAR).max(LAST_YEAR) });

/** A year as the admin page shows it: every day, whether the year is known, and the notice imported for it (if any). */
export async function calendarYear(year: number) {
  const [days, known] = await Promise.all([calendarDays(`${year}-01-01`, `${year}-12-31`), calendarKnownYears()]);
  const notice = days.find((d) => d.override?.noticeYear === year)?.override ?? null;
  return {
    year,
    known: isKnownYear(known, year),
    knownYears: known,
    notice: notice ? { by: notice.by, at: notice.at } : null,
    days,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Changes: one at a time, each followed by its rebuild

let chain: Promise<unknown> = Promise.resolve();
/** Calendar changes and their rebuilds run one after another in this process. */
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const run = chain.then(work, work);
  chain = run.catch(() => undefined);
  return run;
}

type Where = { requestId?: string; ip?: string };

export const toggleDayInput = z.object({
  date: isoDate.refine((d) => d >= DEFAULT_CALENDAR_RANGE.from && d <= DEFAULT_CALENDAR_RANGE.to, {
    message: `日期须在 ${DEFAULT_CALENDAR_RANGE.from} 至 ${DEFAULT_CALENDAR_RANGE.to} 之间 (outside the calendar)`,
  }),
  reason: z.string().trim().min(1, 'reason 必填：说明调整依据 (say why)').max(500),
});

/**
 * Turn a working day into a day off or a day off into a working day, as an override with the admin's reason, then
 * rebuild. A day off on a weekday is named by the reason (it shows as a holiday); on a weekend it is a plain weekend.
 */
export function toggleCalendarDay(actor: Principal, input: z.output<typeof toggleDayInput>, where: Where = {}) {
  return serialised(async () => {
    const [day] = await calendarDays(input.date, input.date);
    if (!day) throw new ClientError(400, `date: ${input.date} is outside the calendar`);
    const isWorkday = !day.workday;
    const weekend = dayOfWeek(input.date) >= 6;
    await insertRows('calendar_overrides', [
      {
        date: input.date,
        is_workday: isWorkday ? 1 : 0,
        note: !isWorkday && !weekend ? input.reason : '',
        reason: input.reason,
        notice_year: 0,
        created_by: actor.name,
        created_at: shanghaiTimestamp(),
        deleted: 0,
      },
    ]);
    await rebuildCalendar();
    const [after] = await calendarDays(input.date, input.date);
    await writeAudit({
      action: 'admin_change',
      actor,
      target: `calendar:${input.date}`,
      detail: `${day.kind} → ${after?.kind ?? '?'}: ${input.reason}`,
      ...where,
    });
    return after!;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The notice

export const noticeInput = z.object({
  year: z.number({ error: 'year 必填：通知所属年份 (year is required, a number)' }).int().min(FIRST_YEAR + 1).max(LAST_YEAR),
  text: z.string({ error: 'text 必填：通知全文或编号各行 (text is required)' }).min(1, 'text 不能为空 (text is empty)').max(50_000),
  dryRun: z.boolean({ error: 'dryRun 须为 true 或 false (dryRun must be a boolean)' }).default(true),
});

export type NoticePreview = {
  year: number;
  holidays: string[];
  adjustedWorkdays: string[];
  unparsed: UnparsedLine[];
  changes: DayChange[];
  festivals: Array<{ name: string; holidays: string[]; adjustedWorkdays: string[] }>;
  saved: boolean;
};

async function preview(year: number, text: string) {
  const parsed = parseHolidayNotice(text, year);
  const rejection = noticeRejection(parsed);
  if (rejection) throw new ClientError(400, rejection, { unparsed: parsed.unparsed });
  const named = [...parsed.holidays, ...parsed.adjustedWorkdays];
  const first = named.reduce((a, d) => (d < a ? d : a), `${year}-01-01`);
  const inForce = new Map((await calendarDays(first, `${year}-12-31`)).map((d) => [d.date, d.kind]));
  const changes = noticeChanges(parsed, (date) => inForce.get(date) ?? (dayOfWeek(date) >= 6 ? 'weekend' : 'workday'));
  return { parsed, changes };
}

/**
 * Read a pasted notice for `year`: its holidays, adjusted working days, unreadable lines and how it differs from the
 * calendar in force. With dryRun false it is saved as the year's overrides (replacing what the year had, toggles
 * included), only when every line was read, then audited and rebuilt. A notice that yields no holiday is a 400.
 */
export async function importNotice(actor: Principal, input: z.output<typeof noticeInput>, where: Where = {}): Promise<NoticePreview> {
  const run = async (): Promise<NoticePreview> => {
    const { parsed, changes } = await preview(input.year, input.text);
    const answer: NoticePreview = {
      year: input.year,
      holidays: parsed.holidays,
      adjustedWorkdays: parsed.adjustedWorkdays,
      unparsed: parsed.unparsed,
      changes,
      festivals: parsed.festivals.map((f) => ({ name: f.name, holidays: f.holidays, adjustedWorkdays: f.adjustedWorkdays })),
      saved: false,
    };
    if (input.dryRun) return answer;
    if (parsed.unparsed.length > 0) {
      const u = parsed.unparsed[0]!;
      throw new ClientError(
        400,
        `通知有 ${parsed.unparsed.length} 行无法识别，未保存 (${parsed.unparsed.length} line(s) could not be read, nothing saved; line ${u.line}: ${u.reason})`,
        { unparsed: parsed.unparsed },
      );
    }
    const rows = noticeOverrides(parsed);
    const dates = new Set(rows.map((r) => r.date));
    const stale = await queryRows(
      `-- overrides the notice replaces
       SELECT toString(o.date) AS day FROM calendar_overrides AS o FINAL
       WHERE o.deleted = 0 AND (toYear(o.date) = {year:UInt16} OR o.notice_year = {year:UInt16})`,
      { year: input.year },
      z.object({ day: z.string() }),
    );
    const at = shanghaiTimestamp();
    await insertRows('calendar_overrides', [
      ...stale
        .filter((s) => !dates.has(s.day))
        .map((s) => ({ date: s.day, is_workday: 0, note: '', reason: '', notice_year: 0, created_by: actor.name, created_at: at, deleted: 1 })),
      ...rows.map((r) => ({
        date: r.date,
        is_workday: r.isWorkday ? 1 : 0,
        note: r.note ?? '',
        reason: '',
        notice_year: input.year,
        created_by: actor.name,
        created_at: at,
        deleted: 0,
      })),
    ]);
    await rebuildCalendar();
    await writeAudit({
      action: 'admin_change',
      actor,
      target: `calendar:notice:${input.year}`,
      detail: `holidays=${parsed.holidays.length} adjustedWorkdays=${parsed.adjustedWorkdays.length} changes=${changes.length}`,
      ...where,
    });
    return { ...answer, saved: true };
  };
  return input.dryRun ? run() : serialised(run);
}

// ---------------------------------------------------------------------------------------------------------
// Tell people before it bites

/** True from 1 November of a year whose next year is not known. */
export function nextYearPending(day: string, known: KnownYears): number | null {
  if (!isIsoDate(day) || day.slice(5) < '11-01') return null;
  const next = Number(day.slice(0, 4)) + 1;
  return isKnownYear(known, next) ? null : next;
}
