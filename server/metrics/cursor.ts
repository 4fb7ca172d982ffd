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

const position = z.number().int().min(0).max(1_000_000_000);
export const encodeOffset = (n: number): string => encodeCursor(n);
export const decodeOffset = (cursor: string | undefined): number | null => decodeCursor(cursor, position);

type Page<T> = { items: T[]; nextCursor: string | null };

/** Every item of a paged list, page by page, for exports: nothing is truncated and no more than a page is held. */
export async function* everyItem<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
