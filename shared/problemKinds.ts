/**
 * The kinds of open problem the 督查 workbench lists, each taken from its module's own item definition:
 *   publicity_overdue   a decision not published by asOf past its deadline (双公示 status overdue)
 *   publicity_late      a decision published after its deadline (status late)
 *   sanction_overdue    a push without feedback by asOf past its due date (联合奖惩 status overdue)
 *   missing_submission  a (unit, catalog item, window) with no accepted row in the window, and none received since
 *   volume_anomaly      a unit-day whose accepted volume fell far below its own baseline
 *   rejected_unresent   a rejected row with no accepted row of the same key received after it
 * A notice can list only what the data can show put right: the four "rectifiable" kinds. A late publication and a
 * volume anomaly are past events (nothing later in the data undoes them); they are listed and exported, not notified.
 *
 * Pure and shared: the server's lists and notices and the client's filters and labels take the kinds from here.
 */
export const PROBLEM_KINDS = [
  'publicity_overdue',
  'publicity_late',
  'sanction_overdue',
  'missing_submission',
  'volume_anomaly',
  'rejected_unresent',
] as const;
export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const RECTIFIABLE_KINDS = ['publicity_overdue', 'sanction_overdue', 'missing_submission', 'rejected_unresent'] as const;
export type RectifiableKind = (typeof RECTIFIABLE_KINDS)[number];

export const isRectifiable = (kind: string): kind is RectifiableKind => (RECTIFIABLE_KINDS as readonly string[]).includes(kind);

/** Chinese labels: the UI's Chinese messages, exports and printed notices (documents go to people in Chinese). */
export const KIND_LABEL_ZH: Record<ProblemKind, string> = {
  publicity_overdue: '逾期未公示',
  publicity_late: '超期公示',
  sanction_overdue: '逾期未反馈',
  missing_submission: '应报未报',
  volume_anomaly: '数据量异常',
  rejected_unresent: '被拒未重报',
};
