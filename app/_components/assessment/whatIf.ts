/**
 * The what-if editor's draft (pure): the scheme's indicators with changed points or thresholds, checked by the same
 * rules the server applies to a what-if (server/assessment/scheme.ts), so the form says what to fix before asking.
 */
import { totalPoints, whatIfIndicatorsSchema, type Indicator, type Method } from '@/shared/assessmentScheme';

export type Draft = Indicator[];

/** Changes one indicator's maximum or method parameters; the method kind stays. */
export function patchIndicator(draft: Draft, code: string, change: { maxPoints?: number; method?: Partial<Method> }): Draft {
  return draft.map((ind) => {
    if (ind.code !== code) return ind;
    const method = change.method ? ({ ...ind.method, ...change.method, kind: ind.method.kind } as Method) : ind.method;
    return { ...ind, maxPoints: change.maxPoints ?? ind.maxPoints, method };
  });
}

export const draftTotal = (draft: Draft) => totalPoints(draft);

/** The problems of a draft in the server's words (empty when it can be computed). */
export function draftProblems(draft: Draft, notANumber: string): string[] {
  const blank = draft.filter((ind) => [ind.maxPoints, ...Object.values(ind.method)].some((v) => typeof v === 'number' && !Number.isFinite(v)));
  if (blank.length) return blank.map((ind) => `${ind.name}：${notANumber}`);
  const r = whatIfIndicatorsSchema.safeParse(draft);
  if (r.success) return [];
  return [...new Set(r.error.issues.map((i) => {
    const ind = typeof i.path[0] === 'number' ? draft[i.path[0]] : undefined;
    return ind ? `${ind.name}：${i.message}` : i.message;
  }))];
}

/** True when the draft differs from the scheme (something to simulate). */
export const changed = (draft: Draft, scheme: readonly Indicator[]) => JSON.stringify(draft) !== JSON.stringify(scheme);

/** A number typed into the form; NaN (rejected by the rules) for anything else, so the problem is reported. */
export const toNumber = (s: string) => (s.trim() === '' ? Number.NaN : Number(s));
