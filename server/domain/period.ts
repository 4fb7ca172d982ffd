/**
 * The one period module: every figure, list and export takes its dates through here. A query date is `isoDate`
 * (a real YYYY-MM-DD within what ClickHouse holds, so 2026-02-31 is refused the same way everywhere); a period is
 * `{ from, to, asOf }` with its defaults applied by `resolvePeriod`; metrics take the resolved period.
 */
import { z } from 'zod';
import { today } from '../clock';
import { queryDate } from './dates';

export const isoDate = queryDate;

/** The period fields of every query: each optional, each a real date. */
export const periodShape = { from: isoDate.optional(), to: isoDate.optional(), asOf: isoDate.optional() };

export type PeriodInput = { from?: string; to?: string; asOf?: string };
export type Period = { from: string; to: string; asOf: string };

/**
 * Where a period starts when the caller does not say: the first of January of `to`'s year (归集's year to date), or
 * the first day of the month `monthsBack` months before `to`'s (11: the last twelve months).
 */
export type PeriodStart = 'yearStart' | { monthsBack: number };

/** The default of most figures: the last twelve months (this month and the eleven before). */
export const LAST_12_MONTHS: PeriodStart = { monthsBack: 11 };

export const PERIOD_ORDER_MESSAGE = '开始日期不能晚于结束日期 (from must not be after to)';

/** First day of the month `months` months before the month of `date` (0 = that month). */
export function startOfMonthsAgo(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}-01`;
}

/**
 * Defaults: asOf = today (Asia/Shanghai; APP_TODAY pins it), to = asOf, from by `start`. A period whose from is after
 * its to, given or by default, is the caller's mistake: a RangeError, which the API layers answer as a 400 that says
 * so (server/errors.ts), so this module stays free of HTTP.
 */
export function resolvePeriod(input: PeriodInput, start: PeriodStart, now: () => string = today): Period {
  const asOf = input.asOf ?? now();
  const to = input.to ?? asOf;
  const from = input.from ?? (start === 'yearStart' ? `${to.slice(0, 4)}-01-01` : startOfMonthsAgo(to, start.monthsBack));
  if (from > to) throw new RangeError(PERIOD_ORDER_MESSAGE);
  return { from, to, asOf };
}

/**
 * A zod transform that applies resolvePeriod to a parsed object, so the schema's output carries the resolved period;
 * a from after to (given or by default) is a validation issue on `from`.
 */
export function resolvedPeriod(start: PeriodStart) {
  return <T extends PeriodInput>(v: T, ctx: z.RefinementCtx): T & Period => {
    try {
      return { ...v, ...resolvePeriod(v, start) };
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      ctx.addIssue({ code: 'custom', ...periodOrderIssue() });
      return z.NEVER;
    }
  };
}

/** A refinement for schemas that take a period: from and to, when both given, in order (the defaults are checked by resolvePeriod). */
export const periodInOrder = (v: PeriodInput) => !v.from || !v.to || v.from <= v.to;
/**
 * The issue of a period out of order, made fresh for each schema: zod's refine moves `message` of the params object it
 * is given into `error` in place, so one shared object would lose its message for every later user.
 */
export const periodOrderIssue = () => ({ message: PERIOD_ORDER_MESSAGE, path: ['from'] });

/** An object schema of the period fields and `extra`, refusing from after to. */
export function periodObject<T extends z.ZodRawShape>(extra: T) {
  return z.object({ ...periodShape, ...extra }).refine((v) => periodInOrder(v as PeriodInput), periodOrderIssue());
}
