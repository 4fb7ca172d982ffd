/**
 * Dates and datetimes a client sends, in a body row or a query: one parser for all of them, so every endpoint takes the
 * same forms and refuses the same things. A value is either kept exactly or refused, never moved: ClickHouse would
 * silently clamp a date outside its column's range (1969-12-31 into a Date becomes 1970-01-01, 2200-01-01 becomes
 * 2149-06-06) and roll an impossible one over (2026-02-31 becomes 2026-03-03), so every range is checked here first.
 *
 * - A date is `YYYY-MM-DD`, a real calendar date within the range of the column or parameter it goes to.
 * - A datetime is RFC 3339 / ISO 8601 with an offset or `Z` (`2025-10-13T16:01:00Z`, `2025-06-03T10:00:00+08:00`),
 *   converted to Asia/Shanghai (`2025-10-13T16:01:00Z` is `2025-10-14 00:01:00`), or the local form
 *   `YYYY-MM-DD HH:MM:SS` (a `T` may stand for the space), read in Asia/Shanghai. Fractions of a second are taken to
 *   the millisecond (the columns' precision; further digits are dropped, never rounded into the next second).
 *
 * Pure: the conversion uses the IANA rules of Asia/Shanghai (Intl), never the machine's time zone.
 */
import { z } from 'zod';
import { isIsoDate } from './calendar';

export type DateRange = { min: string; max: string };

/** ClickHouse `Date`: what every `{x:Date}` query parameter and Date column holds. */
export const DATE_RANGE: DateRange = { min: '1970-01-01', max: '2149-06-06' };
/** ClickHouse `Date32`: columns that keep dates before 1970 (records of old enterprises, licences' validity). */
export const DATE32_RANGE: DateRange = { min: '1900-01-01', max: '2299-12-31' };


/** True when `s` is `YYYY-MM-DD` and names a day that exists (no 2026-02-31, no 0000-00-00): the calendar's check. */
export function isRealDate(s: string): boolean {
  return isIsoDate(s) && !s.startsWith('0000');
}

export type DateCheck = { ok: true; date: string } | { ok: false; reason: 'form' | 'range' };

/** A client's date: kept as sent when it is real and within `range`; otherwise why not. */
export function checkDate(s: string, range: DateRange = DATE_RANGE): DateCheck {
  if (!isRealDate(s)) return { ok: false, reason: 'form' };
  if (s < range.min || s > range.max) return { ok: false, reason: 'range' };
  return { ok: true, date: s };
}

// ---------------------------------------------------------------------------------------------------------
// Datetimes

const DATETIME_FORM = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+-]\d{2}:\d{2})?$/;

const shanghaiParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Shanghai',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** 'YYYY-MM-DD HH:MM:SS' of an instant (ms since the epoch) in Asia/Shanghai, by its IANA rules. */
function shanghaiText(ms: number): string {
  const p: Record<string, string> = {};
  for (const part of shanghaiParts.formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.year!.padStart(4, '0')}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export type DateTimeCheck = { ok: true; shanghai: string } | { ok: false; reason: 'form' | 'range' };

/**
 * A client's datetime as 'YYYY-MM-DD HH:MM:SS.sss' in Asia/Shanghai (how DateTime64(3, 'Asia/Shanghai') columns take
 * text), or why it is refused: not one of the forms above, not a real date or time, or its Shanghai date outside
 * `range` (default: what a Date holds, since receipt times are bucketed into Date days).
 */
export function checkDateTime(s: string, range: DateRange = DATE_RANGE): DateTimeCheck {
  const m = DATETIME_FORM.exec(s);
  if (!m || !isRealDate(m[1]!)) return { ok: false, reason: 'form' };
  const [, date, hh, mi, ss, fraction, offset] = m as unknown as [string, string, string, string, string, string?, string?];
  if (Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return { ok: false, reason: 'form' };
  const millis = (fraction ?? '').slice(0, 3).padEnd(3, '0');
  let local = `${date} ${hh}:${mi}:${ss}`;
  if (offset) {
    let offsetMinutes = 0;
    if (offset !== 'Z' && offset !== 'z') {
      const oh = Number(offset.slice(1, 3));
      const om = Number(offset.slice(4, 6));
      if (oh > 23 || om > 59) return { ok: false, reason: 'form' };
      offsetMinutes = (offset[0] === '-' ? -1 : 1) * (oh * 60 + om);
    }
    // The instant in UTC, from the written fields alone (Date.UTC does not read the machine's zone).
    const y = Number(date.slice(0, 4));
    if (y < 1000) return { ok: false, reason: 'range' }; // far outside every range, and Date.UTC maps 0–99 to 19xx
    const utc = Date.UTC(y, Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(hh), Number(mi), Number(ss));
    local = shanghaiText(utc - offsetMinutes * 60_000);
  }
  const day = local.slice(0, 10);
  if (day < range.min || day > range.max) return { ok: false, reason: 'range' };
  return { ok: true, shanghai: `${local}.${millis}` };
}

// ---------------------------------------------------------------------------------------------------------
// Query parameters

const rangeText = (range: DateRange) => `${range.min} .. ${range.max}`;

/** What a refused date says: the expected form and range, and what was sent. */
export function dateMessage(s: string, range: DateRange = DATE_RANGE): string {
  return `应为有效日期 YYYY-MM-DD，范围 ${range.min} 至 ${range.max} (must be a real date YYYY-MM-DD within ${rangeText(range)}; got '${s.slice(0, 40)}')`;
}

/**
 * The date of a query or request parameter (from, to, asOf, …): a real `YYYY-MM-DD` within what a ClickHouse Date
 * holds. Every query schema takes its dates through this one schema; the issue's path names the parameter.
 */
export const queryDate = z
  .string()
  .superRefine((s, ctx) => {
    if (!checkDate(s).ok) ctx.addIssue({ code: 'custom', message: dateMessage(s) });
  })
  .meta({ format: 'date', description: `YYYY-MM-DD (Asia/Shanghai), a real date within ${rangeText(DATE_RANGE)}` });

/** Months whose days all lie within DATE_RANGE. */
export const MONTH_RANGE: DateRange = { min: '1970-01', max: '2149-05' };

/** A month key `YYYY-MM` whose days all lie within DATE_RANGE (1970-01 .. 2149-05). */
export const queryMonth = z
  .string()
  .superRefine((s, ctx) => {
    const ok = /^\d{4}-(0[1-9]|1[0-2])$/.test(s) && s >= MONTH_RANGE.min && s <= MONTH_RANGE.max;
    if (!ok) ctx.addIssue({ code: 'custom', message: `月份应为 YYYY-MM，范围 ${MONTH_RANGE.min} 至 ${MONTH_RANGE.max} (month must be YYYY-MM within ${rangeText(MONTH_RANGE)}; got '${s.slice(0, 40)}')` });
  })
  .meta({ description: `YYYY-MM, within ${rangeText(MONTH_RANGE)}` });

/** Documentation of the datetime forms every body field that takes a datetime accepts (OpenAPI). */
export const DATETIME_FORMS_DOC =
  "RFC 3339 / ISO 8601 with an offset or Z ('2025-10-13T16:01:00Z', '2025-06-03T10:00:00+08:00'), converted to Asia/Shanghai, or the local 'YYYY-MM-DD HH:MM:SS' read in Asia/Shanghai; fractions of a second kept to the millisecond; the Asia/Shanghai date within " +
  rangeText(DATE_RANGE);
