/**
 * Period keys of the 考核 pages in the browser (pure): which kind a key is, switching kinds, the choices of the period
 * selector and the URL parameters. The server's server/assessment/periods.ts is the reference (it needs the working-day
 * calendar, too heavy for the client bundle); tests/unit/assessment-ui.test.ts keeps the two in agreement.
 */
import type { PeriodKind } from '@/server/assessment/periods';
import type { Level } from '@/server/assessment/scheme';

export type { Level, PeriodKind };
export const KINDS: readonly PeriodKind[] = ['month', 'quarter', 'year', 'rolling12'];
export const LEVEL_KEYS: readonly Level[] = ['district', 'unit'];

/** Same forms as the server's PERIOD_PATTERN. */
export const PERIOD_KEY = /^(?:\d{4}|\d{4}-(?:0[1-9]|1[0-2])|\d{4}-Q[1-4]|R12-\d{4}-(?:0[1-9]|1[0-2]))$/;
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

const pad = (n: number) => String(n).padStart(2, '0');

export function kindOf(key: string): PeriodKind {
  if (key.startsWith('R12-')) return 'rolling12';
  if (key.length === 4) return 'year';
  if (key.includes('Q')) return 'quarter';
  return 'month';
}

/** 'YYYY-MM' shifted by `by` months. */
export function shiftMonth(month: string, by: number): string {
  const i = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

/** The last month of a period (where a switch to another kind starts from). */
export function lastMonthOf(key: string): string {
  switch (kindOf(key)) {
    case 'rolling12':
      return key.slice(4);
    case 'year':
      return `${key}-12`;
    case 'quarter':
      return `${key.slice(0, 4)}-${pad(Number(key[6]) * 3)}`;
    case 'month':
      return key;
  }
}

/** The period of `kind` containing `month` (rolling 12: the one ending with it). */
export function keyFor(kind: PeriodKind, month: string): string {
  const y = month.slice(0, 4);
  const m = Number(month.slice(5, 7));
  switch (kind) {
    case 'month':
      return month;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'year':
      return y;
    case 'rolling12':
      return `R12-${month}`;
  }
}

/** The last completed month before a date 'YYYY-MM-DD' (the default period, as the server's lastCompletedMonth). */
export const lastCompletedMonth = (today: string) => shiftMonth(today.slice(0, 7), -1);

/** Choices of the selector, newest first: `count` periods of `kind` up to the one containing `latestMonth`. */
export function periodOptions(kind: PeriodKind, latestMonth: string, count: number): string[] {
  const step = kind === 'quarter' ? 3 : kind === 'year' ? 12 : 1;
  const out: string[] = [];
  for (let i = 0; out.length < count && i < count * step; i += step) {
    const key = keyFor(kind, shiftMonth(latestMonth, -i));
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** A period's name as the server labels it (Chinese) or its key (English). */
export function periodLabel(key: string, locale: string): string {
  if (!locale.startsWith('zh')) {
    const kind = kindOf(key);
    return kind === 'rolling12' ? `12 months to ${key.slice(4)}` : kind === 'quarter' ? key.replace('-', ' ') : key;
  }
  const y = key.slice(key.startsWith('R12-') ? 4 : 0).slice(0, 4);
  switch (kindOf(key)) {
    case 'rolling12':
      return `截至${y}年${Number(key.slice(9, 11))}月的近12个月`;
    case 'year':
      return `${y}年度`;
    case 'quarter':
      return `${y}年第${'一二三四'[Number(key[6]) - 1]}季度`;
    case 'month':
      return `${y}年${Number(key.slice(5, 7))}月`;
  }
}

export type RankingParams = { level: Level; period: string; district?: string };
type Params = { get(name: string): string | null };
const CODE = /^[A-Za-z0-9_-]{1,40}$/;

/** The ranking filters of a search string; anything malformed falls back to the defaults. */
export function readRankingParams(params: Params, defaultMonth: string): RankingParams {
  const level = params.get('level') === 'unit' ? 'unit' : 'district';
  const p = params.get('period') ?? '';
  const district = params.get('district') ?? '';
  return {
    level,
    period: PERIOD_KEY.test(p) ? p : defaultMonth,
    ...(level === 'unit' && CODE.test(district) ? { district } : {}),
  };
}

/** The month of the report's search string, or the default; `invalid` when a period was given but is not a month. */
export function readReportMonth(params: Params, defaultMonth: string): { month: string; invalid: boolean } {
  const p = params.get('period');
  if (p === null || p === '') return { month: defaultMonth, invalid: false };
  return MONTH.test(p) ? { month: p, invalid: false } : { month: defaultMonth, invalid: true };
}

/** A link to `path` carrying the ranking filters (empty values left out). */
export function withParams(path: string, params: Partial<RankingParams>): string {
  const q = new URLSearchParams();
  for (const k of ['level', 'period', 'district'] as const) if (params[k]) q.set(k, params[k]);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** The entity page of a district or unit, for a period. */
export const entityHref = (level: Level, code: string, period: string) =>
  `/assessment/${level}/${encodeURIComponent(code)}?period=${encodeURIComponent(period)}`;
