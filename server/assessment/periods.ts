/**
 * Assessment periods (design.md §5): months `2026-10`, quarters `2026-Q3`, years `2026` and the rolling twelve months
 * ending with a month `R12-2026-10`. Pure: a period is its first and last day, its previous period and a label.
 */
import { addDays } from '../domain/calendar';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'rolling12'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type Period = {
  key: string;
  kind: PeriodKind;
  from: string;
  to: string;
  /** The month whose scheme version applies: the period's last month. */
  schemeMonth: string;
  label: string;
  labelEn: string;
};

const pad = (n: number) => String(n).padStart(2, '0');
const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
/** Last day of month m (1-based) of year y. */
const monthEnd = (y: number, m: number) => addDays(m === 12 ? `${y + 1}-01-01` : monthStart(y, m + 1), -1);
/** Month y-m shifted by `by` months, as [year, month]. */
function shiftMonth(y: number, m: number, by: number): [number, number] {
  const i = y * 12 + (m - 1) + by;
  return [Math.floor(i / 12), (i % 12) + 1];
}

export const PERIOD_PATTERN = /^(?:\d{4}|\d{4}-(?:0[1-9]|1[0-2])|\d{4}-Q[1-4]|R12-\d{4}-(?:0[1-9]|1[0-2]))$/;

/** Parses a period key; throws a RangeError naming the accepted forms. */
export function parsePeriod(key: string): Period {
  if (!PERIOD_PATTERN.test(key)) {
    throw new RangeError(`考核期应为 YYYY-MM、YYYY-Qn、YYYY 或 R12-YYYY-MM (period must be YYYY-MM, YYYY-Qn, YYYY or R12-YYYY-MM; got "${key}")`);
  }
  if (key.startsWith('R12-')) {
    const y = Number(key.slice(4, 8));
    const m = Number(key.slice(9, 11));
    const [fy, fm] = shiftMonth(y, m, -11);
    return {
      key, kind: 'rolling12', from: monthStart(fy, fm), to: monthEnd(y, m), schemeMonth: `${y}-${pad(m)}`,
      label: `截至${y}年${m}月的近12个月`, labelEn: `12 months to ${y}-${pad(m)}`,
    };
  }
  const y = Number(key.slice(0, 4));
  if (key.length === 4) {
    return { key, kind: 'year', from: `${y}-01-01`, to: `${y}-12-31`, schemeMonth: `${y}-12`, label: `${y}年度`, labelEn: `${y}` };
  }
  if (key[5] === 'Q') {
    const q = Number(key[6]);
    const last = q * 3;
    return {
      key, kind: 'quarter', from: monthStart(y, last - 2), to: monthEnd(y, last), schemeMonth: `${y}-${pad(last)}`,
      label: `${y}年第${'一二三四'[q - 1]}季度`, labelEn: `${y} Q${q}`,
    };
  }
  const m = Number(key.slice(5, 7));
  return { key, kind: 'month', from: monthStart(y, m), to: monthEnd(y, m), schemeMonth: key, label: `${y}年${m}月`, labelEn: key };
}

/** The period of the same kind just before (the basis of "previous rank" and movement). */
export function previousPeriod(p: Period): Period {
  switch (p.kind) {
    case 'year':
      return parsePeriod(String(Number(p.key) - 1));
    case 'quarter': {
      const y = Number(p.key.slice(0, 4));
      const q = Number(p.key[6]);
      return parsePeriod(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`);
    }
    case 'month': {
      const [y, m] = shiftMonth(Number(p.key.slice(0, 4)), Number(p.key.slice(5, 7)), -1);
      return parsePeriod(`${y}-${pad(m)}`);
    }
    case 'rolling12': {
      const [y, m] = shiftMonth(Number(p.key.slice(4, 8)), Number(p.key.slice(9, 11)), -1);
      return parsePeriod(`R12-${y}-${pad(m)}`);
    }
  }
}

/** The last `count` months up to and including `month` (oldest first), for scores over time. */
export function monthsUpTo(month: string, count: number): string[] {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return Array.from({ length: count }, (_, i) => {
    const [yy, mm] = shiftMonth(y, m, i - count + 1);
    return `${yy}-${pad(mm)}`;
  });
}

/** The latest completed month before `today` (the default period of the ranking). */
export function lastCompletedMonth(today: string): string {
  const [y, m] = shiftMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)), -1);
  return `${y}-${pad(m)}`;
}

/** The month after `today`'s (where a new scheme version takes effect by default). */
export function nextMonth(today: string): string {
  const [y, m] = shiftMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7)), 1);
  return `${y}-${pad(m)}`;
}

/**
 * The date a period's figures are taken as of: its last day, or today while it is still running. Fixing it at the
 * period end makes a closed period's ranking reproducible (later data cannot move it).
 */
export function periodAsOf(p: Period, today: string): string {
  return p.to < today ? p.to : today;
}
