import { beforeAll, describe, expect, it } from 'vitest';
import { GET as trpcGet, POST as trpcPost } from '@/app/api/trpc/[trpc]/route';
import { createToken } from '@/server/auth/tokens';
import { freshDatabase } from './_db';

// Issue 13, points 8–12: access control through the real route handlers, with real Requests.

const T: Record<string, string> = {};
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** One tRPC query as the client's link sends it (GET, superjson envelope). */
const trpcQuery = (path: string, input: unknown, headers: Record<string, string>) =>
  trpcGet(new Request(`http://test/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, { headers }));
const trpcMutation = (path: string, input: unknown, headers: Record<string, string>) =>
  trpcPost(
    new Request(`http://test/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ json: input }),
    }),
  );

beforeAll(async () => {
  await freshDatabase();
  const token = async (name: string, scopes: Array<'ingest' | 'read' | 'backfill' | 'admin'>) =>
    (await createToken({ name, unitCode: 'D990102-01', scopes, createdBy: 't' })).token;
  T.ingest = await token('ingest-only', ['ingest']);
  T.backfill = await token('backfill-only', ['backfill']);
  T.read = await token('read', ['read']);
}, 300_000);

describe('13.8 tRPC honours token scopes', () => {
  const ITEM_QUERIES: Array<[string, unknown]> = [
    ['ingestion.rejectedItems', {}],
    ['publicity.items', {}],
    ['sanctions.items', {}],
    ['session.me', undefined],
  ];

  it('an ingest-only or backfill-only token reads nothing over /api/trpc (403 saying which scope), a read token does', async () => {
    for (const token of [T.ingest!, T.backfill!]) {
      for (const [path, input] of ITEM_QUERIES) {
        const res = await trpcQuery(path, input, bearer(token));
        expect(res.status, path).toBe(403);
        expect(JSON.stringify(await res.json())).toContain("'read'");
      }
    }
    for (const [path, input] of ITEM_QUERIES) expect((await trpcQuery(path, input, bearer(T.read!))).status, path).toBe(200);
  });

  it('a token without the admin scope may not change anything: acknowledging a notice is for a signed-in user', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    for (const token of [T.ingest!, T.backfill!, T.read!]) {
      const res = await trpcMutation('inspection.acknowledge', { id }, bearer(token));
      expect(res.status).toBe(403);
      expect(JSON.stringify(await res.json())).toContain("'admin'");
    }
  });
});
