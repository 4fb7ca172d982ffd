import { z } from 'zod';
import { queryRows } from '../db/query';

export type ReferenceSets = {
  catalogCodes: Set<string>;
  measureCodes: Set<string>;
  unitDistricts: Map<string, string>;
  usccExceptions: Set<string>;
};

let cached: { at: number; sets: ReferenceSets } | null = null;
const TTL_MS = 60_000;

/** Codes a row may name, loaded once a minute (reference data changes rarely; an admin change clears the cache). */
export async function referenceSets(): Promise<ReferenceSets> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.sets;
  const code = z.object({ code: z.string() });
  const [catalog, measures, units, exceptions] = await Promise.all([
    queryRows('SELECT code FROM catalog_items FINAL', {}, code),
    queryRows('SELECT code FROM measures FINAL', {}, code),
    queryRows('SELECT code, district_code AS district FROM units FINAL', {}, z.object({ code: z.string(), district: z.string() })),
    queryRows('SELECT code FROM known_uscc_exceptions FINAL WHERE deleted = 0', {}, code),
  ]);
  const sets = {
    catalogCodes: new Set(catalog.map((r) => r.code)),
    measureCodes: new Set(measures.map((r) => r.code)),
    unitDistricts: new Map(units.map((r) => [r.code, r.district])),
    usccExceptions: new Set(exceptions.map((r) => r.code)),
  };
  cached = { at: Date.now(), sets };
  return sets;
}

export function clearReferenceSets(): void {
  cached = null;
}
