import { z } from 'zod';

/**
 * The one cursor of the paged item lists: the sort key of the last row handed out (keyset paging), or the position of
 * the next page for lists computed whole, as base64url JSON, opaque to callers. A cursor that does not decode to the
 * list's key shape reads as none (the first page): a stale or edited link never becomes an error or reaches SQL.
 */
export const encodeCursor = (key: unknown): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, key: S): z.output<S> | null {
  if (!cursor) return null;
  try {
    const parsed = key.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A receipt time as the lists sort by it ('YYYY-MM-DD HH:MM:SS.sss'), before it is bound as a DateTime64. */
export const cursorTimestamp = z.string().regex(/^\d{4}-\d{2}-\d{2} [\d:.]+$/);

/**
 * The page fields of every item list: an opaque cursor (a keyset key fits in 500 characters; one that does not decode
 * reads as the first page) and a page size of 1 to 1000 rows, 100 by default.
 */
export const pageShape = {
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
};

const position = z.number().int().min(0).max(1_000_000_000);
export const encodeOffset = (n: number): string => encodeCursor(n);
export const decodeOffset = (cursor: string | undefined): number | null => decodeCursor(cursor, position);

type Page<T> = { items: T[]; nextCursor: string | null };

/**
 * A keyset page from rows read with `LIMIT limit + 1`: the first `limit` rows, and the cursor of the last one when the
 * extra row shows there is more. `keyOf` is the row's sort key, the shape the list's cursor decodes to.
 */
export function keysetPage<T>(rows: T[], limit: number, keyOf: (row: T) => unknown): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items, nextCursor: more && last ? encodeCursor(keyOf(last)) : null };
}

/** Every item of a paged list, page by page, for exports: nothing is truncated and no more than a page is held. */
export async function* everyItem<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
