/**
 * A small memo of closed periods' figures. A period's figures are taken as of its end, so once it has ended they move
 * only when data arrives with earlier receipt times (backfill), the calendar or the reference data change: all bump
 * the data epoch, which is part of the key. Entries also expire (TTL) to bound what another process's writes could
 * leave stale. Running periods are never memoized.
 */
import { dataEpoch } from '../../db/dataEpoch';

const TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 400;

type Entry<T> = { at: number; value: Promise<T> };
const entries = new Map<string, Entry<unknown>>();

export function memoized<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const k = `${dataEpoch()}|${key}`;
  const now = Date.now();
  const hit = entries.get(k) as Entry<T> | undefined;
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = compute();
  entries.set(k, { at: now, value });
  // A failed computation is not remembered.
  value.catch(() => entries.delete(k));
  if (entries.size > MAX_ENTRIES) {
    for (const [key0, e] of entries) if (now - e.at >= TTL_MS || !key0.startsWith(`${dataEpoch()}|`)) entries.delete(key0);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  }
  return value;
}

const inFlight = new Map<string, Promise<unknown>>();

/** Calls made while the same computation is in flight share its answer; nothing is kept once it is answered. */
export function shared<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const k = `${dataEpoch()}|${key}`;
  let p = inFlight.get(k) as Promise<T> | undefined;
  if (!p) {
    p = compute().finally(() => inFlight.delete(k));
    inFlight.set(k, p);
  }
  return p;
}
