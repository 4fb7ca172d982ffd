/**
 * Assessment period keys (design.md §5), pure, for the browser and the server alike: months `2026-10`, quarters
 * `2026-Q3`, years `2026` and the rolling twelve months ending with a month `R12-2026-10`. What a key means in days
 * (its first and last day, its scheme month) is the server's server/assessment/periods.ts, which builds on these.
 */
export const PERIOD_KINDS = ['month', 'quarter', 'year', 'rolling12'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** The accepted forms of a period key. */
export const PERIOD_PATTERN = /^(?:\d{4}|\d{4}-(?:0[1-9]|1[0-2])|\d{4}-Q[1-4]|R12-\d{4}-(?:0[1-9]|1[0-2]))$/;

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

/** The last month of a period (where a switch to another kind starts from, and whose scheme applies). */
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

/** The latest completed month before a date 'YYYY-MM-DD' (the default period of the ranking). */
export const lastCompletedMonth = (today: string) => shiftMonth(today.slice(0, 7), -1);

/** The month after `today`'s (where a new scheme version takes effect by default). */
export const nextMonth = (today: string) => shiftMonth(today.slice(0, 7), 1);

/** The last `count` months up to and including `month` (oldest first), for scores over time. */
export function monthsUpTo(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(month, i - count + 1));
}

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

/** A period's name: Chinese (2026年10月, 2026年第三季度, 2026年度, 截至2026年10月的近12个月) or its key in English. */
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
