export const formatInt = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('zh-CN'));

/** Rates are fractions in [0, 1]; null (no denominator) shows as a dash, never as 0%. */
export const formatRate = (r: number | null | undefined, digits = 1) =>
  r === null || r === undefined ? '—' : `${(r * 100).toFixed(digits)}%`;
