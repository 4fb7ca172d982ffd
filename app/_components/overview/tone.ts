/** Green at or above the target, amber within 5 points of it, red below; grey without a figure. */
export function toneAgainst(value: number | null | undefined, target: number | null | undefined): string {
  if (value === null || value === undefined) return 'text-slate-400';
  if (target === null || target === undefined) return '';
  if (value >= target) return 'text-emerald-700';
  return value >= target - 0.05 ? 'text-amber-700' : 'text-red-700';
}
