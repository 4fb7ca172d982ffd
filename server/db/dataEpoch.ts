/**
 * Process-wide counters of data changes, for memos of figures of closed periods (server/metrics/assessment/memo.ts)
 * and cached reference lists. A closed period's figures are taken as of its end, so ordinary receipts (stamped now)
 * cannot move most of them; what can:
 *   'closed'     backfills (rows carrying past receipt times: backfill tokens, the demo generator), calendar rebuilds
 *                and reference reloads: any figure of any period may move;
 *   'publicity'  additionally every write to the double-publicity streams: a decision registered or published today
 *                may be dated inside a closed period and is overdue as of its end (design.md §5).
 * Writes made by other processes (another app instance against the same ClickHouse server) are not seen here; memo
 * entries also expire, which bounds that staleness.
 */
export type EpochKind = 'closed' | 'publicity';
export type DataChange = 'backfill' | 'calendar' | 'reference' | 'publicity-stream' | 'other-stream';

const epochs: Record<EpochKind, number> = { closed: 0, publicity: 0 };

export const dataEpoch = (kind: EpochKind = 'closed') => epochs[kind];

export function bumpDataEpoch(change: DataChange): void {
  if (change === 'other-stream') return;
  epochs.publicity += 1;
  if (change !== 'publicity-stream') epochs.closed += 1;
}

/** The change an ingest batch makes, by stream and whether its sender may backdate receipts. */
export function ingestChange(stream: string, backfill: boolean): DataChange {
  if (backfill) return 'backfill';
  return stream === 'licenses' || stream === 'penalties' || stream === 'decisions' ? 'publicity-stream' : 'other-stream';
}
