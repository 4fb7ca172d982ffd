/**
 * A small memo of closed periods' figures. A period's figures are taken as of its end, so once it has ended they move
 * only on the changes counted by the data epochs (server/db/dataEpoch.ts), which are part of the key. Entries also
 * expire (TTL) to bound what another process's writes could leave stale. Running periods are never memoized.
 */
import { dataEpoch, type EpochKind } from '../../db/dataEpoch';

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 400;

type Entry<T> = { at: number; value: Promise<T> };
const entries = new Map<string, Entry<unknown>>();

export function memoized<T>(epoch: EpochKind, key: string, compute: () => Promise<T>): Promise<T> {
  const k = `${epoch}:${dataEpoch(epoch)}|${key}`;
  const now = Date.now();
  const hit = entries.get(k) as Entry<T> | undefined;
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = compute();
  entries.set(k, { at: now, value });
  // A failed computation is not remembered.
  value.catch(() => entries.delete(k));
  if (entries.size > MAX_ENTRIES) {
    for (const [key0, e] of entries) if (now - e.at >= TTL_MS) entries.delete(key0);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  return value;
}

const inFlight = new Map<string, Promise<unknown>>();

/** Calls made while the same computation is in flight share its answer; nothing is kept once it is answered. */
export function shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
  let p = inFlight.get(key) as Promise<T> | undefined;
  if (!p) {
    p = compute().finally(() => inFlight.delete(key));
    inFlight.set(key, p);
  }
  return p;
}
