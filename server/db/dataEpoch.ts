/**
 * Process-wide counters of data changes, for memos of figures of closed periods (server/metrics/assessment/memo.ts)
 * and cached reference lists. A closed period's figures are taken as of its end, so ordinary receipts (stamped now)
 * cannot move most of them; what can:
 *   'closed'     backfills (rows carrying past receipt times: backfill tokens, the demo generator), calendar rebuilds
 *                and reference reloads: any figure of any period may move;
 *   'publicity'  additionally every write to the double-publicity streams: a decision registered or published today
 *                may be dated inside a closed period and is overdue as of its end (design.md §5);
 *   'reference'  only calendar rebuilds and reference reloads: for cached reference lists, targets and working days;
 *   'assessment' scheme versions saved and manual scores entered in this process.
 * Writes made by other processes (another app instance against the same ClickHouse server) are not seen here; memo
 * entries also expire, which bounds that staleness.
 */
export type EpochKind = 'closed' | 'publicity' | 'reference' | 'assessment';
export type DataChange = 'backfill' | 'calendar' | 'reference' | 'publicity-stream' | 'other-stream' | 'assessment';

const epochs: Record<EpochKind, number> = { closed: 0, publicity: 0, reference: 0, assessment: 0 };

export const dataEpoch = (kind: EpochKind = 'closed') => epochs[kind];

export function bumpDataEpoch(change: DataChange): void {
  if (change === 'other-stream') return;
  if (change === 'assessment') {
    epochs.assessment += 1;
    return;
  }
  epochs.publicity += 1;
  if (change !== 'publicity-stream') epochs.closed += 1;
  if (change === 'calendar' || change === 'reference') epochs.reference += 1;
}

/** The change an ingest batch makes, by stream and whether its sender may backdate receipts. */
export function ingestChange(stream: string, backfill: boolean): DataChange {
  if (backfill) return 'backfill';
  return stream === 'licenses' || stream === 'penalties' || stream === 'decisions' ? 'publicity-stream' : 'other-stream';
}

type Kept = { kind: EpochKind; epoch: number; at: number; ttlMs: number; value: Promise<unknown> };
const kept = new Map<string, Kept>();
const MAX_KEPT = 400;

/**
 * A value read from ClickHouse, kept while the epoch it depends on is unchanged and for at most `ttlMs` (writes by
 * other processes are not counted here). A failed read is not kept. At most MAX_KEPT values: past ones go first.
 */
export function keptPerEpoch<T>(kind: EpochKind, key: string, ttlMs: number, read: () => Promise<T>): Promise<T> {
  const k = `${kind}|${key}`;
  const now = Date.now();
  const hit = kept.get(k);
  if (hit && hit.epoch === epochs[kind] && now - hit.at <= ttlMs) return hit.value as Promise<T>;
  const value = read();
  kept.delete(k);
  kept.set(k, { kind, epoch: epochs[kind], at: now, ttlMs, value });
  value.catch(() => kept.delete(k));
  if (kept.size > MAX_KEPT) {
    for (const [key0, e] of kept) if (e.epoch !== epochs[e.kind] || now - e.at > e.ttlMs) kept.delete(key0);
    while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  }
  return value;
}
