/**
 * The versions of the data, read from ClickHouse (clickhouse/migrations/023_data_versions.sql): what every cache in the
 * app is keyed by, so that several app instances on one ClickHouse never serve a figure older than the data it
 * depends on. A change records the kinds it touches after its writes are done; a reader takes the versions of the
 * kinds its answer depends on.
 *   records … feedback  every commit of that stream (ordinary receipts and backfills alike)
 *   backfill            rows carrying past receipt times (backfill tokens, the demo generator): closed periods move
 *   calendar            a calendar rebuild (package, overrides, an imported notice)
 *   reference           a reference reload or an edit of targets
 *   assessment          a scheme version saved, a manual score entered
 *   notices             a supervision notice issued, acknowledged or rectified
 *   users               an account created or changed (role, binding, disabled, password): read by every signed-in
 *                       request, so no figure depends on it and it is not among VERSION_KINDS
 *   maps                the big screen's district map uploaded (not a figure's input either)
 */
import { z } from 'zod';
import { STREAMS, type Stream } from '../ingest/streams';
import { queryRows, runCommand } from './query';

export const VERSION_KINDS = [...STREAMS, 'backfill', 'calendar', 'reference', 'assessment', 'notices'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number] | 'users' | 'maps';

/** Everything a figure of a closed period can still move with (its figures are taken as of its end). */
export const CLOSED_PERIOD_KINDS: readonly VersionKind[] = ['backfill', 'calendar', 'reference'];
/** The double-publicity streams: a decision published today may be dated in a closed period (design.md §5). */
export const PUBLICITY_STREAMS: readonly VersionKind[] = ['licenses', 'penalties', 'decisions'];

/**
 * How long a process may reuse the versions it read: a change made here clears them at once; a change made by another
 * instance is seen within this time.
 */
const VERSIONS_REUSE_MS = 200;

type Versions = Map<string, number>;
let last: { at: number; versions: Promise<Versions> } | null = null;

function readAll(): Promise<Versions> {
  const now = Date.now();
  if (last && now - last.at <= VERSIONS_REUSE_MS) return last.versions;
  const versions = queryRows(
    `-- data versions
     SELECT kind, count() AS n FROM data_versions GROUP BY kind`,
    {},
    z.object({ kind: z.string(), n: z.number() }),
  ).then((rows) => new Map(rows.map((r) => [r.kind, r.n])));
  const entry = { at: now, versions };
  last = entry;
  versions.catch(() => {
    if (last === entry) last = null;
  });
  return versions;
}

/** The versions of `kinds` as one key ('records=12,calendar=1'). */
export async function versionKey(kinds: readonly VersionKind[]): Promise<string> {
  const versions = await readAll();
  return kinds.map((k) => `${k}=${versions.get(k) ?? 0}`).join(',');
}

/** Record that `kinds` changed: call it after the change's writes, so a reader with the new versions sees them. */
export async function recordDataChange(kinds: readonly VersionKind[]): Promise<void> {
  if (kinds.length === 0) return;
  await runCommand(`INSERT INTO data_versions (kind) SELECT arrayJoin({kinds:Array(String)})`, { kinds: [...new Set(kinds)] });
  last = null;
}

/** What an ingest commit changes: its stream, and with past receipt times every closed period too. */
export const commitKinds = (stream: Stream, backfill: boolean): VersionKind[] => (backfill ? [stream, 'backfill'] : [stream]);

type Kept = { key: string; value: Promise<unknown> };
const kept = new Map<string, Kept>();
const MAX_KEPT = 400;

/**
 * A value read from ClickHouse, kept while the versions of `kinds` are unchanged (reference lists, schemes, figures of
 * closed periods). A failed read is not kept; at most MAX_KEPT values, the least recently used go first.
 */
export async function keptPerVersion<T>(kinds: readonly VersionKind[], name: string, read: () => Promise<T>): Promise<T> {
  const key = `${name}|${await versionKey(kinds)}`;
  const hit = kept.get(name);
  if (hit && hit.key === key) {
    kept.delete(name);
    kept.set(name, hit);
    return hit.value as Promise<T>;
  }
  const value = read();
  kept.delete(name);
  kept.set(name, { key, value });
  value.catch(() => {
    if (kept.get(name)?.value === value) kept.delete(name);
  });
  while (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return value;
}
