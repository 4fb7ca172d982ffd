/**
 * The items behind the 归集 figures (GET /api/v1/items/ingestion and the tRPC drill-downs share these):
 * status = accepted | rejected | missing | anomaly | batches. Every list applies the caller's item scope on top of
 * the filters; the callers audit every page and export.
 */
import { z } from 'zod';
import type { ItemScope } from '../../auth/roles';
import { scopeAnomalies, volumeAnomalies, type AnomalyItem } from './anomalies';
import { EXPECTED_FREQUENCIES, missingWindows, scopeMissing, type MissingWindow } from './missing';
import { withFilters, type Filters } from './filters';
import { decodeOffset, encodeOffset, pageShape } from '../cursor';
import { narrowToScope } from '../scope';

export const ITEM_STATUSES = ['rejected', 'accepted', 'missing', 'anomaly', 'batches'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const missingItemsInput = withFilters({ ...pageShape, frequency: z.enum(EXPECTED_FREQUENCIES).optional() });
export const anomalyItemsInput = withFilters(pageShape);


function page<T>(all: T[], cursor: string | undefined, limit: number) {
  const offset = decodeOffset(cursor) ?? 0; // computed lists page by position
  const items = all.slice(offset, offset + limit);
  const next = offset + limit < all.length ? encodeOffset(offset + limit) : null;
  return { items, nextCursor: next, total: all.length };
}

export async function missingItems(
  scope: ItemScope,
  f: Filters,
  opts: { cursor?: string; limit: number; frequency?: MissingWindow['frequency'] },
): Promise<{ items: MissingWindow[]; nextCursor: string | null; total: number }> {
  const scoped = narrowToScope(f, scope);
  const found = scoped ? await missingWindows(scoped) : [];
  const all = scopeMissing(found, scope).filter((m) => !opts.frequency || m.frequency === opts.frequency);
  return page(all, opts.cursor, opts.limit);
}

export async function anomalyItems(
  scope: ItemScope,
  f: Filters,
  opts: { cursor?: string; limit: number },
): Promise<{ items: AnomalyItem[]; nextCursor: string | null; total: number }> {
  const scoped = narrowToScope(f, scope);
  const all = scoped ? scopeAnomalies((await volumeAnomalies(scoped)).items, scope) : [];
  return page(all, opts.cursor, opts.limit);
}
