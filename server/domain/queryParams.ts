/**
 * Query parameters shared by the figures and lists (beside the period, server/domain/period.ts): a code filter, and a
 * list of named values given as an array (tRPC) or comma-separated (REST: kinds=a,b).
 */
import { z } from 'zod';

/** Codes are short ASCII identifiers; anything else cannot match and is refused early with a clear message. */
export const codeParam = (max: number) =>
  z
    .string()
    .max(max)
    .regex(/^[A-Za-z0-9_-]*$/, '代码只能包含字母、数字、- 和 _ (codes are letters, digits, - and _)');

/** The district and unit filters of a list or figure. */
export const districtUnitShape = { district: codeParam(20).optional(), unit: codeParam(40).optional() };

/** A list of `values`, deduplicated; an unknown one is refused naming it and the accepted ones (`noun`: kind, status). */
export function valueList<const V extends readonly string[]>(values: V, noun: string) {
  return z.union([z.array(z.string()), z.string()]).transform((v, ctx) => {
    const list = Array.isArray(v) ? v : v.split(',').map((s) => s.trim()).filter(Boolean);
    for (const s of list) {
      if (!values.includes(s)) {
        ctx.addIssue({ code: 'custom', message: `unknown ${noun} '${s}' (use ${values.join(', ')})` });
        return z.NEVER;
      }
    }
    return [...new Set(list)] as Array<V[number]>;
  });
}
