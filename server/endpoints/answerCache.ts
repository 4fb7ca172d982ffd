/**
 * Compute a figure once per data version and serve it to everyone (issue 20.1). An answer is keyed by its endpoint,
 * its normalised input, the product's today (defaults such as asOf follow the clock), the versions of the data it
 * depends on (server/db/dataVersions.ts, read from ClickHouse, so every app instance agrees) and, for figures that
 * carry the caller's explanations, the caller's item scope. A change of any version is a new key: the next read
 * recomputes, and old entries age out. Bounded by entries and by the answers' JSON size; callers asking the same
 * question at once share one computation.
 */
import { createHash } from 'node:crypto';
import type { ItemScope } from '../auth/roles';
import { today } from '../clock';
import { VERSION_KINDS, versionKey, type VersionKind } from '../db/dataVersions';
import { STREAMS } from '../ingest/streams';

export type CacheRule = {
  /** The kinds of data whose change can move the answer. */
  dependsOn: readonly VersionKind[];
  /** The answer differs by the caller's item scope (explanations shown only within it). */
  scoped?: boolean;
};

const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;

type Entry = { value: Promise<unknown>; bytes: number };
const entries = new Map<string, Entry>();
let totalBytes = 0;

/** JSON with object keys sorted, so {a,b} and {b,a} are one question. */
function normalised(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** The key of an answer (see the module comment). */
export async function answerKey(name: string, input: unknown, rule: CacheRule, scope: ItemScope): Promise<string> {
  return [name, normalised(input), today(), await versionKey(rule.dependsOn), rule.scoped ? normalised(scope) : ''].join('|');
}

/** An entity tag of a key: what REST and tRPC GET answers carry as ETag and compare with If-None-Match. */
export const answerTag = (key: string): string => `"${createHash('sha256').update(key).digest('base64url').slice(0, 32)}"`;

function forget(key: string): void {
  const e = entries.get(key);
  if (!e) return;
  entries.delete(key);
  totalBytes -= e.bytes;
}

/** The answer of `key`, computed by `compute` once; a failed computation is not kept. */
export function cachedAnswer<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (hit) {
    entries.delete(key); // most recently used last
    entries.set(key, hit);
    return hit.value as Promise<T>;
  }
  const entry: Entry = { value: compute(), bytes: 0 };
  entries.set(key, entry);
  entry.value.then(
    (v) => {
      if (entries.get(key) !== entry) return;
      entry.bytes = key.length + (JSON.stringify(v)?.length ?? 0);
      totalBytes += entry.bytes;
      while (entries.size > MAX_ENTRIES || totalBytes > MAX_BYTES) {
        const oldest = entries.keys().next().value as string;
        forget(oldest);
        if (oldest === key) break;
      }
    },
    () => {
      if (entries.get(key) === entry) forget(key);
    },
  );
  return entry.value as Promise<T>;
}

/** How many answers are kept and their size (for the benchmark's report). */
export const answerCacheSize = () => ({ entries: entries.size, bytes: totalBytes });

/** What each area's figures read (beside the reference lists and the calendar every figure names and counts with). */
const BASE: readonly VersionKind[] = ['calendar', 'reference'];
export const DEPENDS_ON = {
  /** 归集: every stream's batches, rows and rejected rows (last receipt of any stream counts for submissions). */
  ingestion: { dependsOn: [...STREAMS, ...BASE] },
  publicity: { dependsOn: ['licenses', 'penalties', 'decisions', ...BASE] },
  sanctions: { dependsOn: ['sanctions', 'feedback', ...BASE] },
  /** The notices and their events (rectification records its own change when it writes). */
  followUp: { dependsOn: ['notices', ...BASE] },
  /** Scores stand on every figure above, the schemes and the manual scores; explanations follow the caller's scope. */
  assessment: { dependsOn: VERSION_KINDS, scoped: true },
  /** 督查's problem list gathers every module's open items, within the caller's scope. */
  problems: { dependsOn: VERSION_KINDS, scoped: true },
} satisfies Record<string, CacheRule>;
