/**
 * Assessment periods (design.md §5): months `2026-10`, quarters `2026-Q3`, years `2026` and the rolling twelve months
 * ending with a month `R12-2026-10`. Pure: a period is its first and last day, its previous period and a label.
 */
import { addDays } from '../domain/calendar';
import { kindOf, lastMonthOf, periodLabel, PERIOD_PATTERN, shiftMonth, type PeriodKind } from '../../shared/periodKeys';

export { lastCompletedMonth, monthsUpTo, nextMonth, PERIOD_KINDS, PERIOD_PATTERN, type PeriodKind } from '../../shared/periodKeys';

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

/** First and last day of a month 'YYYY-MM'. */
const monthStart = (month: string) => `${month}-01`;
const monthEnd = (month: string) => addDays(monthStart(shiftMonth(month, 1)), -1);

/** Parses a period key; throws a RangeError naming the accepted forms. */
export function parsePeriod(key: string): Period {
  if (!PERIOD_PATTERN.test(key)) {
    throw new RangeError(`考核期应为 YYYY-MM、YYYY-Qn、YYYY 或 R12-YYYY-MM (period must be YYYY-MM, YYYY-Qn, YYYY or R12-YYYY-MM; got "${key}")`);
  }
  const kind = kindOf(key);
  const last = lastMonthOf(key);
  const months = kind === 'rolling12' || kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  return {
    key,
    kind,
    from: monthStart(shiftMonth(last, 1 - months)),
    to: monthEnd(last),
    schemeMonth: last,
    label: periodLabel(key, 'zh'),
    labelEn: periodLabel(key, 'en'),
  };
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
    case 'month':
      return parsePeriod(shiftMonth(p.key, -1));
    case 'rolling12':
      return parsePeriod(`R12-${shiftMonth(p.key.slice(4), -1)}`);
  }
}

/**
 * The date a period's figures are taken as of: its last day, or today while it is still running. Fixing it at the
 * period end makes a closed period's ranking reproducible (later data cannot move it).
 */
export function periodAsOf(p: Period, today: string): string {
  return p.to < today ? p.to : today;
}
