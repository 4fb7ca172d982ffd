import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as tokensPost } from '@/app/api/v1/admin/tokens/route';
import { DELETE as tokenDelete } from '@/app/api/v1/admin/tokens/[id]/route';
import { GET as assessmentGet } from '@/app/api/v1/assessment/route';
import { GET as batchGet } from '@/app/api/v1/ingest/batches/[batchId]/route';
import { GET as itemsPublicityGet } from '@/app/api/v1/items/publicity/route';
import { GET as kpiPublicityGet } from '@/app/api/v1/kpi/publicity/route';
import { GET as referenceGet } from '@/app/api/v1/reference/[list]/route';
import { GET as mapGet } from '@/app/api/v1/screen/map/route';
import { GET as screenGet } from '@/app/api/v1/screen/route';
import { displayKeyCaller } from '@/server/auth/displayKey';
import { createToken, principalFromToken } from '@/server/auth/tokens';
import { queryRows } from '@/server/db/query';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { freshDatabase } from './_db';

/** The `display` token scope (issue 17): the big screen's figures and nothing else, revocable, audited. */
const get = (path: string, token: string) => new Request(`http://test${path}`, { headers: { authorization: `Bearer ${token}` } });
let admin = '';
let display = '';
let displayId = '';
let reader = '';

beforeAll(async () => {
  await freshDatabase({ today: '2026-11-24' });
  admin = (await createToken({ name: 'admin', unitCode: 'C001', scopes: ['admin'], createdBy: 't' })).token;
  reader = (await createToken({ name: 'ingest-only', unitCode: 'C002', scopes: ['ingest'], createdBy: 't' })).token;
  const res = await tokensPost(
    new Request('http://test/api/v1/admin/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ unitCode: 'C001', scopes: ['display'], name: '指挥大厅大屏' }),
    }),
  );
  expect(res.status).toBe(201);
  ({ id: displayId, token: display } = (await res.json()) as { id: string; token: string });
}, 120_000);

describe('a display token', () => {
  it('reads the screen figures by REST and tRPC', async () => {
    const res = await screenGet(get('/api/v1/screen', display));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ month: '2026-10' });
    const principal = await principalFromToken(display);
    const caller = createCallerFactory(appRouter)({ requestId: 't', ip: '127.0.0.1', principal });
    expect(await caller.screen.figures({})).toMatchObject({ month: '2026-10' });
  });

  it('reads the district map, once: the demo map of 16 districts with an ETag, then 304', async () => {
    const res = await mapGet(get('/api/v1/screen/map', display));
    expect(res.status).toBe(200);
    const map = (await res.json()) as { features: Array<{ properties: { code: string } }> };
    expect(new Set(map.features.map((f) => f.properties.code)).size).toBe(16);
    const tag = res.headers.get('etag')!;
    expect(res.headers.get('cache-control')).toContain('max-age');
    const again = await mapGet(new Request('http://test/api/v1/screen/map', { headers: { authorization: `Bearer ${display}`, 'if-none-match': tag } }));
    expect(again.status).toBe(304);
    expect((await mapGet(get('/api/v1/screen/map', reader))).status).toBe(403);
  });

  it('opens /screen by its key; an ingest-only or unknown key does not', async () => {
    expect(await displayKeyCaller(display)).toMatchObject({ principal: { kind: 'token', name: '指挥大厅大屏' } });
    expect(await displayKeyCaller(reader)).toMatchObject({ status: 403 });
    expect(await displayKeyCaller('csm_nope')).toMatchObject({ status: 401 });
  });

  it('is refused on every other API: figures, items, exports, reference, assessment, batches, admin (403)', async () => {
    const refused = [
      await kpiPublicityGet(get('/api/v1/kpi/publicity?from=2026-01-01&to=2026-11-24', display)),
      await itemsPublicityGet(get('/api/v1/items/publicity?from=2026-01-01&to=2026-11-24', display)),
      await itemsPublicityGet(get('/api/v1/items/publicity?from=2026-01-01&to=2026-11-24&format=csv', display)),
      await referenceGet(get('/api/v1/reference/units', display), { params: Promise.resolve({ list: 'units' }) }),
      await assessmentGet(get('/api/v1/assessment?period=2026-10&level=district', display)),
      await batchGet(get('/api/v1/ingest/batches/00000000-0000-4000-8000-000000000001', display), {
        params: Promise.resolve({ batchId: '00000000-0000-4000-8000-000000000001' }),
      }),
      await tokensPost(
        new Request('http://test/api/v1/admin/tokens', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${display}` },
          body: JSON.stringify({ unitCode: 'C001', scopes: ['admin'], name: 'escalate' }),
        }),
      ),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect((await refused[0]!.json()).error).toContain("'read'");
  });

  it('is refused on every other tRPC procedure, queries and changes', async () => {
    const caller = createCallerFactory(appRouter)({ requestId: 't', ip: '127.0.0.1', principal: await principalFromToken(display) });
    await expect(caller.reference.units()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.admin.tokens()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.admin.revokeToken({ id: displayId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is audited like every token: each use counted, each refusal written down', async () => {
    const usage = await queryRows(
      'SELECT sum(uses) AS n FROM api_token_usage WHERE token_id = {id:UUID}',
      { id: displayId },
      z.object({ n: z.coerce.number() }),
    );
    // 2 screen reads, 2 map reads, the key, 7 refused requests, 1 refused tRPC caller
    expect(usage[0]!.n).toBe(13);
    const denied = await queryRows(
      "SELECT target FROM audit_log WHERE action = 'token_used_denied' AND actor = '指挥大厅大屏' ORDER BY at",
      {},
      z.object({ target: z.string() }),
    );
    expect(denied.map((d) => d.target)).toEqual(expect.arrayContaining(['/api/v1/kpi/publicity', '/api/v1/items/publicity', 'trpc/reference.units', 'trpc/admin.revokeToken']));
    expect(denied.length).toBeGreaterThanOrEqual(10);
  });

  it('once revoked, opens nothing (401)', async () => {
    const del = await tokenDelete(new Request(`http://test/api/v1/admin/tokens/${displayId}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } }), {
      params: Promise.resolve({ id: displayId }),
    });
    expect(del.status).toBe(200);
    expect((await screenGet(get('/api/v1/screen', display))).status).toBe(401);
    expect(await displayKeyCaller(display)).toMatchObject({ status: 401 });
  });
});
