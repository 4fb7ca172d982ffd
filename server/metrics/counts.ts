/**
 * Field-wise sum of two sets of counts, over the fields `zero` names (any other field of a row, a code or a name, is
 * left out): the totals and subtotals of every figure table add their rows with it.
 */
export const countAdder =
  <T extends Record<string, number>>(zero: T) =>
  (a: T, b: T): T =>
    Object.fromEntries(Object.keys(zero).map((k) => [k, a[k]! + b[k]!])) as T;
