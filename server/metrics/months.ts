/** Every month 'YYYY-MM' from the month of `from` to the month of `to`, inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endY = Number(to.slice(0, 4));
  const endM = Number(to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Rows keyed by month, with a zero row (from `empty`) for each month that had none, so charts show gaps honestly. */
export function fillMonths<T extends { month: string }>(
  from: string,
  to: string,
  rows: readonly T[],
  empty: (month: string) => T,
): T[] {
  const byMonth = new Map(rows.map((r) => [r.month, r]));
  return monthsBetween(from, to).map((month) => byMonth.get(month) ?? empty(month));
}

export { startOfMonthsAgo } from '../domain/period';
