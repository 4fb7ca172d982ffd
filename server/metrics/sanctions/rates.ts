import { countAdder } from '../counts';

/** Counts of pushes by status as of asOf, plus how many answers said "executed". */
export type SanctionCounts = {
  pushes: number;
  answeredOnTime: number;
  answeredLate: number;
  overdue: number;
  pending: number;
  executed: number;
};

/**
 * design.md §5: feedback rate = answered / (answered + overdue); timely rate = answered on time / (answered + overdue);
 * execution rate = executed / answered. Pending pushes are in no denominator. null when a denominator is 0.
 */
export function sanctionRates(c: SanctionCounts) {
  const answered = c.answeredOnTime + c.answeredLate;
  const due = answered + c.overdue;
  return {
    feedbackRate: due === 0 ? null : answered / due,
    timelyRate: due === 0 ? null : c.answeredOnTime / due,
    executionRate: answered === 0 ? null : c.executed / answered,
  };
}

export const ZERO_COUNTS: SanctionCounts = { pushes: 0, answeredOnTime: 0, answeredLate: 0, overdue: 0, pending: 0, executed: 0 };
export const addCounts = countAdder(ZERO_COUNTS);
