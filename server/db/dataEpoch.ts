/**
 * A process-wide counter of data changes that can move figures of closed periods: stored stream rows (ingest commits
 * and the generator's storage path, including backfills), calendar rebuilds and reference reloads. Memos of figures
 * (server/metrics/assessment/memo.ts) are keyed by it. Writes made by other processes (another app instance against
 * the same ClickHouse server) are not seen here; memo entries also expire, which bounds that staleness.
 */
let epoch = 0;

export const dataEpoch = () => epoch;
export function bumpDataEpoch(): void {
  epoch += 1;
}
