/**
 * Who may read an indicator's explanation (its inputs and the items behind them): everyone signed in sees every
 * rank, total and indicator score (rankings are for comparing), but the inputs only within their item scope: a
 * district official their own district (and its units), a unit its own unit. Applied on the server before answering.
 */
import type { ItemScope } from '../../auth/roles';
import type { Level } from '../../../shared/assessmentScheme';
import type { AssessmentRow } from './ranking';

export function canExplain(scope: ItemScope, level: Level, row: Pick<AssessmentRow, 'code' | 'districtCode'>): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'district':
      return level === 'district' ? row.code === scope.districtCode : row.districtCode === scope.districtCode;
    case 'unit':
      return level === 'unit' && row.code === scope.unitCode;
  }
}

export type ExplainedRow = AssessmentRow & { explained: boolean };

/** Rows with the inputs and rules removed where the caller may not read them. */
export function withExplanationsFor(scope: ItemScope, level: Level, rows: readonly AssessmentRow[]): ExplainedRow[] {
  return rows.map((r) => {
    if (canExplain(scope, level, r)) return { ...r, explained: true };
    return { ...r, explained: false, indicators: r.indicators.map((i) => ({ ...i, rule: '', inputs: {} })) };
  });
}
