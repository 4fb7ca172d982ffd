/**
 * Period keys of the 考核 pages in the browser: the pure key arithmetic is shared with the server (shared/periodKeys.ts);
 * here are the URL parameters and links of the pages.
 */
import type { Level } from '@/shared/assessmentScheme';
import { PERIOD_KINDS, PERIOD_PATTERN, type PeriodKind } from '@/shared/periodKeys';

export { keyFor, kindOf, lastCompletedMonth, lastMonthOf, periodLabel, periodOptions, shiftMonth } from '@/shared/periodKeys';
export type { Level, PeriodKind };
export const KINDS: readonly PeriodKind[] = PERIOD_KINDS;
export const LEVEL_KEYS: readonly Level[] = ['district', 'unit'];
export const PERIOD_KEY = PERIOD_PATTERN;
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

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
