/** Figures and words of the monthly report (pure). */
import { fill, formatPoints, type Labels } from './explain';

/** A date 'YYYY-MM-DD' as the report prints it (2026年11月20日). */
export function reportDate(date: string, l: Labels): string {
  return fill(l.dateFormat, { y: date.slice(0, 4), m: Number(date.slice(5, 7)), d: Number(date.slice(8, 10)), mm: date.slice(5, 7), dd: date.slice(8, 10) });
}

/** Count, mean, highest and lowest total (points rounded as scores are). */
export function totalsSummary(rows: ReadonlyArray<{ total: number }>): { n: number; avg: number; max: number; min: number } | null {
  if (rows.length === 0) return null;
  const totals = rows.map((r) => r.total);
  return {
    n: rows.length,
    avg: Math.round((totals.reduce((s, x) => s + x, 0) / rows.length) * 100) / 100,
    max: Math.max(...totals),
    min: Math.min(...totals),
  };
}

/** "东城区（98 分）、西湖区（97.5 分）" */
export const namesWithTotals = (rows: ReadonlyArray<{ name: string; total: number }>, l: Labels) =>
  rows.map((r) => fill(l.nameWithTotal, { name: r.name, total: formatPoints(r.total) })).join(l.namesJoin);
