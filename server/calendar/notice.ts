/**
 * Parser of the State Council's yearly holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知), pasted by an
 * admin, into that year's holidays and adjusted working days (issue 14). Pure: text in, dates out.
 *
 * Reading rules, line by line (each line first NFKC-normalised, so full-width digits and punctuation read as
 * half-width, and stripped of whitespace):
 * - A festival line is a numbered line (`一、` … `十、`, or `1、`) with a name before `：`, e.g.
 *   `二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。`
 *   It must be read completely, or it is reported in `unparsed` with the reason and contributes no date.
 * - An unnumbered line is ignored (title, 文号, addressees, 经国务院批准… preamble, 节假日期间… closing, signature,
 *   date) unless it holds a month-day date together with 放假/上班/补休/调休: such a line is read as a festival
 *   line when it has a name before `：` (the numbering was left out), and reported otherwise.
 * - A paragraph pasted as one line is first cut before each numbered item and before the closing 节假日期间….
 * - A title or preamble naming another year (关于2025年… / 现将2025年…) is reported: the wrong notice was pasted.
 * Within a festival line, sentences end at `。`; clauses are split at `，` outside parentheses. A clause is a
 * holiday range (`D至D放假[调休|公休][N天]`), a total (`共N天`, checked against the days read), a remark
 * (`与周末连休`, `不调休`, `调休`), a list of adjusted working days (`D、D上班`, the list may also run over `，`),
 * or days off in lieu (`D补休`). A sentence opening with 鼓励 (e.g. 鼓励…安排职工在除夕（2月9日）休息) is advice
 * that changes no day: it is kept as a note. Anything else makes the line unparsed.
 * Dates: a year-less date is in the notice's year, except a December date on the 元旦 line, which is in the
 * previous year (元旦 may start on 12月30日 of that year). A range end without a month (`至8日`) takes the
 * start's month. Weekday annotations (周三, 星期六) are checked against the real date; lunar ones (农历除夕) are
 * accepted unchecked. Every date must be real and lie in [previous year's December, the year's 31 December].
 */
import { dayOfWeek, eachDate, isIsoDate, type CalendarDay, type CalendarOverride } from '../domain/calendar';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted_workday';

export interface NoticeFestival {
  /** As written, e.g. '国庆节、中秋节'; becomes the override note. */
  name: string;
  holidays: string[];
  adjustedWorkdays: string[];
  /** Sentences that change no day (鼓励…). */
  notes: string[];
  /** 1-based line of the pasted text. */
  line: number;
  text: string;
}

export interface UnparsedLine {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedNotice {
  year: number;
  /** ISO dates, sorted; may include the previous year's last days (元旦 starting 12月30日). */
  holidays: string[];
  adjustedWorkdays: string[];
  festivals: NoticeFestival[];
  unparsed: UnparsedLine[];
}

export interface DayChange {
  date: string;
  from: DayKind;
  to: DayKind;
}

/** A festival line that cannot be read completely; caught per line and reported. */
class NoticeLineError extends Error {}

const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY_ZH: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

const NUMBERED = /^(?:[一二三四五六七八九十]+|\d{1,2})、/;
const FESTIVAL_NAME = /^[\u4e00-\u9fff、]+$/;
const MONTH_DAY = /\d{1,2}月\d{1,2}日/;
const SCHEDULE_WORD = /放假|上班|补休|调休/;
/** After normalisation every range mark reads '至'. */
const RANGE_MARKS = /[—–―~〜-]+/g;
const DATE_TOKEN = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/g;
const WEEKDAY_NOTE = /^(?:周|星期|礼拜)([一二三四五六日天])$/;
const LUNAR_NOTE = /^(?:农历|除夕)/;

function normalise(line: string): string {
  return line.normalize('NFKC').replace(/\s+/g, '');
}

export function parseHolidayNotice(text: string, year: number): ParsedNotice {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid notice year: ${year}`);
  const festivals: NoticeFestival[] = [];
  const unparsed: UnparsedLine[] = [];

  text.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1;
    const normalised = normalise(raw);
    // A whole notice pasted as one paragraph: each numbered item after a '。' is a line of its own, and so is
    // the closing paragraph (节假日期间，各地区、各部门…), which would otherwise end the last festival line.
    for (const segment of normalised.split(/(?<=。)(?=(?:[一二三四五六七八九十]+|\d{1,2})、|节假日期间)/)) {
      if (segment === '') continue;
      const numbered = NUMBERED.test(segment);
      if (!numbered && !(MONTH_DAY.test(segment) && SCHEDULE_WORD.test(segment))) {
        const otherYear = /关于(\d{4})年部分节假日安排|现将(\d{4})年/.exec(segment);
        const named = otherYear && Number(otherYear[1] ?? otherYear[2]);
        if (named && named !== year) {
          unparsed.push({ line, text: raw.trim(), reason: `The notice is for ${named}, not ${year}` });
        }
        continue;
      }
      try {
        festivals.push({ ...parseFestivalLine(segment.replace(NUMBERED, ''), year, numbered), line, text: raw.trim() });
      } catch (error) {
        if (!(error instanceof NoticeLineError)) throw error;
        unparsed.push({ line, text: raw.trim(), reason: error.message });
      }
    }
  });

  // A date claimed by two lines is a misreading of one of them: the later line is reported.
  const claimed = new Map<string, NoticeFestival>();
  const kept: NoticeFestival[] = [];
  for (const festival of festivals) {
    const clash = [...festival.holidays, ...festival.adjustedWorkdays].find((d) => claimed.has(d));
    if (clash) {
      const first = claimed.get(clash)!;
      unparsed.push({ line: festival.line, text: festival.text, reason: `${clash} is already given by line ${first.line} (${first.name})` });
      continue;
    }
    for (const d of [...festival.holidays, ...festival.adjustedWorkdays]) claimed.set(d, festival);
    kept.push(festival);
  }
  unparsed.sort((a, b) => a.line - b.line);

  return {
    year,
    holidays: kept.flatMap((f) => f.holidays).sort(),
    adjustedWorkdays: kept.flatMap((f) => f.adjustedWorkdays).sort(),
    festivals: kept,
    unparsed,
  };
}

interface DateToken {
  raw: string;
  year?: number;
  month?: number;
  day: number;
  note?: string;
}

type FestivalDates = Pick<NoticeFestival, 'name' | 'holidays' | 'adjustedWorkdays' | 'notes'>;

function parseFestivalLine(segment: string, year: number, numbered: boolean): FestivalDates {
  const colon = segment.indexOf(':');
  if (colon < 0) throw new NoticeLineError(numbered ? 'No festival name before "："' : 'Holiday dates outside a numbered festival line');
  const name = segment.slice(0, colon);
  if (!FESTIVAL_NAME.test(name)) {
    throw new NoticeLineError(numbered ? `Not a festival name: "${name}"` : 'Holiday dates outside a numbered festival line');
  }
  const isNewYear = name.includes('元旦');
  const holidays: string[] = [];
  const workdays: string[] = [];
  const notes: string[] = [];
  let total: number | undefined;

  const resolve = (t: DateToken, from?: { year: number; month: number }): string => {
    const month = t.month ?? from?.month;
    if (month === undefined) throw new NoticeLineError(`"${t.raw}" has no month`);
    const y = t.year ?? (t.month === undefined && from ? from.year : isNewYear && month === 12 ? year - 1 : year);
    const iso = `${y}-${String(month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
    if (!isIsoDate(iso)) throw new NoticeLineError(`"${t.raw}" is not a real date`);
    if (iso < `${year - 1}-12-01` || iso > `${year}-12-31`) throw new NoticeLineError(`"${t.raw}" (${iso}) is outside the ${year} schedule`);
    checkNote(t, iso);
    return iso;
  };

  for (const sentence of segment.slice(colon + 1).split(/[。.;]/)) {
    if (sentence === '') continue;
    if (sentence.startsWith('鼓励')) {
      notes.push(sentence);
      continue;
    }
    let pending: DateToken[] = [];
    for (const clause of splitClauses(sentence)) {
      const tokens: DateToken[] = [];
      const shape = clause.replace(RANGE_MARKS, '至').replace(DATE_TOKEN, (raw, y, m, d, note) => {
        tokens.push({ raw, year: y === undefined ? undefined : Number(y), month: m === undefined ? undefined : Number(m), day: Number(d), note });
        return 'D';
      });
      let m: RegExpExecArray | null;
      if ((m = /^D(至D)?放假(?:调休|公休)?(?:(\d+)天)?$/.exec(shape))) {
        if (pending.length > 0) throw new NoticeLineError(`Cannot read "${sentence}"`);
        const start = resolve(tokens[0]!);
        const end = m[1] ? resolve(tokens[1]!, { year: Number(start.slice(0, 4)), month: Number(start.slice(5, 7)) }) : start;
        if (end < start) throw new NoticeLineError(`The range "${clause}" ends before it starts`);
        const days = eachDate(start, end);
        if (m[2] !== undefined && Number(m[2]) !== days.length) {
          throw new NoticeLineError(`"${clause}" says ${m[2]} days but the dates give ${days.length}`);
        }
        holidays.push(...days);
      } else if ((m = /^共(\d+)天$/.exec(shape))) {
        total = Number(m[1]);
      } else if (/^(?:与周末连休|不调休|调休)$/.test(shape)) {
        // Remarks that change no day.
      } else if (/^D(?:、D)*上班$/.test(shape)) {
        for (const t of [...pending, ...tokens]) {
          const date = resolve(t);
          if (dayOfWeek(date) <= 5) {
            throw new NoticeLineError(`"${t.raw}" (${date}) is a ${WEEKDAY_EN[dayOfWeek(date) - 1]}: only a weekend day can be an adjusted working day`);
          }
          workdays.push(date);
        }
        pending = [];
      } else if (/^D(?:、D)*补休$/.test(shape)) {
        holidays.push(...[...pending, ...tokens].map((t) => resolve(t)));
        pending = [];
      } else if (/^D(?:、D)*$/.test(shape)) {
        // The start of a 上班 list that runs over a '，'.
        pending.push(...tokens);
      } else {
        throw new NoticeLineError(`Cannot read "${clause}"`);
      }
    }
    if (pending.length > 0) throw new NoticeLineError(`Dates without 放假 or 上班 in "${sentence}"`);
  }

  if (holidays.length === 0) throw new NoticeLineError('No holiday in the line');
  if (total !== undefined && total !== holidays.length) {
    throw new NoticeLineError(`The line says 共${total}天 but its dates give ${holidays.length} days`);
  }
  const all = [...holidays, ...workdays];
  const twice = all.find((d, i) => all.indexOf(d) !== i);
  if (twice) throw new NoticeLineError(`${twice} is given twice`);
  return { name, holidays: holidays.sort(), adjustedWorkdays: workdays.sort(), notes };
}

/** Split at '，' outside parentheses: an annotation may itself hold a comma (农历正月初九，星期日). */
function splitClauses(sentence: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(sentence.slice(start, i));
      start = i + 1;
    }
  }
  out.push(sentence.slice(start));
  return out.filter((c) => c !== '');
}

function checkNote(t: DateToken, date: string): void {
  if (t.note === undefined) return;
  for (const item of t.note.split(/[、,]/)) {
    const weekday = WEEKDAY_NOTE.exec(item);
    if (weekday) {
      const said = WEEKDAY_ZH[weekday[1]!]!;
      const actual = dayOfWeek(date);
      if (said !== actual) {
        throw new NoticeLineError(`"${t.raw}": ${date} is a ${WEEKDAY_EN[actual - 1]}, the text says ${item}`);
      }
    } else if (!LUNAR_NOTE.test(item)) {
      throw new NoticeLineError(`Cannot read the annotation "${item}" of "${t.raw}"`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Using a parsed notice

/** Kind of a day under the notice: a day it does not name keeps the Mon–Fri rule. */
function noticeKind(holidays: Set<string>, workdays: Set<string>, date: string): DayKind {
  if (holidays.has(date)) return 'holiday';
  if (workdays.has(date)) return 'adjusted_workday';
  return dayOfWeek(date) >= 6 ? 'weekend' : 'workday';
}

/** Kind of a built calendar day, for `noticeChanges`' in-force side. */
export function calendarDayKind(day: Pick<CalendarDay, 'date' | 'isWorkday' | 'holidayName'>): DayKind {
  const weekend = dayOfWeek(day.date) >= 6;
  if (day.isWorkday) return weekend ? 'adjusted_workday' : 'workday';
  return weekend && !day.holidayName ? 'weekend' : 'holiday';
}

/**
 * Days of the notice's year (and the previous-year days it names) whose kind under the notice differs from
 * the calendar in force, in date order.
 */
export function noticeChanges(parsed: ParsedNotice, inForce: (date: string) => DayKind): DayChange[] {
  const holidays = new Set(parsed.holidays);
  const workdays = new Set(parsed.adjustedWorkdays);
  const first = `${parsed.year}-01-01`;
  const before = [...parsed.holidays, ...parsed.adjustedWorkdays].filter((d) => d < first).sort();
  const changes: DayChange[] = [];
  for (const date of [...before, ...eachDate(first, `${parsed.year}-12-31`)]) {
    const from = inForce(date);
    const to = noticeKind(holidays, workdays, date);
    if (from !== to) changes.push({ date, from, to });
  }
  return changes;
}

/**
 * The notice as calendar overrides: holidays off, adjusted working days on, noted with the festival's name.
 * Previous-year days the notice names are included: the notice is what decides them. Lines in `unparsed`
 * contribute nothing, so callers should not apply a notice that has any.
 */
export function noticeOverrides(parsed: ParsedNotice): CalendarOverride[] {
  return parsed.festivals
    .flatMap((f) => [
      ...f.holidays.map((date) => ({ date, isWorkday: false, note: f.name })),
      ...f.adjustedWorkdays.map((date) => ({ date, isWorkday: true, note: f.name })),
    ])
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Why the notice cannot be used at all (no holiday read), or undefined. */
export function noticeRejection(parsed: ParsedNotice): string | undefined {
  if (parsed.holidays.length > 0) return undefined;
  const first = parsed.unparsed[0];
  if (first) {
    return `The text yields no holiday for ${parsed.year}: ${parsed.unparsed.length} line(s) could not be read (line ${first.line}: ${first.reason})`;
  }
  return `The text yields no holiday for ${parsed.year}: it has no festival line such as "一、元旦：1月1日放假"`;
}
