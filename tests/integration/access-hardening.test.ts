import { beforeAll, describe, expect, it } from 'vitest';
import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import { GET as trpcGet, POST as trpcPost } from '@/app/api/trpc/[trpc]/route';
import { POST as tokensPost } from '@/app/api/v1/admin/tokens/route';
import { POST as usersPost } from '@/app/api/v1/admin/users/route';
import { GET as referenceGet } from '@/app/api/v1/reference/[list]/route';
import { authOptions } from '@/server/auth/options';
import { signInDelaySeconds, signInLimit } from '@/server/auth/rateLimit';
import { createToken } from '@/server/auth/tokens';
import { createUser } from '@/server/auth/users';
import { TRPC_MAX_BATCH } from '@/shared/trpcLimits';
import { resetEnvCache } from '@/server/env';
import { freshDatabase } from './_db';

// Issue 13, points 8–12: access control through the real route handlers, with real Requests.

const T: Record<string, string> = {};
const SITE = 'http://csm.test';
process.env.NEXTAUTH_SECRET = 'test-secret-of-the-session-cookies';
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
  T.admin = await token('admin', ['admin']);
  // An admin's session cookie, as next-auth signs it after sign-in.
  const admin = await createUser({ email: 'office@test', name: 'O', password: 'long-enough-pw', role: 'admin', source: 'admin' });
  T.adminCookie = `next-auth.session-token=${await encode({ token: { sub: admin.id }, secret: process.env.NEXTAUTH_SECRET! })}`;
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

describe('13.9 state-changing REST refuses cross-site requests', () => {
  const send = (route: (req: Request) => Promise<Response>, path: string, body: string, headers: Record<string, string>) =>
    route(new Request(`${SITE}${path}`, { method: 'POST', headers: { host: 'csm.test', ...headers }, body }));
  const newUser = (email: string) => JSON.stringify({ email, name: 'X', password: 'long-enough-pw', role: 'leader' });

  it('a session cookie from another origin creates no user, whatever the body type (403)', async () => {
    for (const type of ['text/plain', 'application/json']) {
      const res = await send(usersPost, '/api/v1/admin/users', newUser(`csrf-${type.length}@csm.example`), {
        cookie: T.adminCookie!,
        origin: 'http://evil.example',
        'content-type': type,
      });
      expect(res.status, type).toBe(403);
      expect((await res.json()).error).toContain('cross-site');
    }
    // No Origin at all is no better: every browser sends one on a POST.
    const bare = await send(usersPost, '/api/v1/admin/users', newUser('csrf-bare@csm.example'), { cookie: T.adminCookie!, 'content-type': 'application/json' });
    expect(bare.status).toBe(403);
  });

  it('a form or text body is refused (415) even from the same origin or with a token; JSON from the site itself works', async () => {
    const form = await send(tokensPost, '/api/v1/admin/tokens', 'unitCode=C002&scopes=read&name=x', {
      cookie: T.adminCookie!,
      origin: SITE,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(415);
    expect((await form.json()).error).toContain('application/json');
    const text = await send(usersPost, '/api/v1/admin/users', newUser('text@csm.example'), { ...bearer(T.admin!), 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const own = await send(usersPost, '/api/v1/admin/users', newUser('own-page@csm.example'), { cookie: T.adminCookie!, origin: SITE, 'content-type': 'application/json' });
    expect(own.status, await own.clone().text()).toBe(201);
    const machine = await send(tokensPost, '/api/v1/admin/tokens', JSON.stringify({ unitCode: 'C002', scopes: ['read'], name: 'm' }), {
      ...bearer(T.admin!),
      'content-type': 'application/json',
    });
    expect(machine.status).toBe(201);
  });

  it('tRPC mutations follow the same rule: a session cookie from another origin changes nothing', async () => {
    const input = { unitCode: 'C002', scopes: ['read'], name: 'via-trpc' };
    const foreign = await trpcMutation('admin.createToken', input, { cookie: T.adminCookie!, origin: 'http://evil.example', host: 'csm.test' });
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(await foreign.json())).toContain('cross-site');
    const own = await trpcMutation('admin.createToken', input, { cookie: T.adminCookie!, origin: 'http://test', host: 'test' });
    expect(own.status).toBe(200);
  });
});

describe('13.11 sign-in limits trust only what a trusted proxy says', () => {
  // The credentials provider as next-auth calls it, with the request headers as they reach the app.
  const provider = authOptions.providers[0] as unknown as {
    options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
  };
  const attempt = (email: string, password: string, forwardedFor: string) =>
    provider.options.authorize({ email, password }, { headers: { 'x-forwarded-for': forwardedFor } }).then(
      () => 'ok',
      (e: Error) => e.message,
    );

  beforeAll(async () => {
    for (const email of ['rotate@test', 'owner@test', 'proxied@test']) {
      await createUser({ email, name: 'V', password: 'correct-horse-1', role: 'leader', source: 'admin' });
    }
  });

  it('rotating the first X-Forwarded-For entry does not escape the limit: the address the proxy appended counts', async () => {
    const results: string[] = [];
    for (let i = 0; i < 10; i++) results.push(await attempt('rotate@test', 'wrong-password', `203.0.113.${i}, 198.51.100.7`));
    expect(results.filter((r) => r === 'RateLimited')).toHaveLength(5);
    expect(results.slice(0, 5).every((r) => r === 'CredentialsSignin')).toBe(true);
  });

  it('five failures from one address lock that address out of the account, not the owner elsewhere (the admin too)', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt('owner@test', 'wrong-password', '198.51.100.66')).toBe('CredentialsSignin');
    expect(await attempt('owner@test', 'correct-horse-1', '198.51.100.66')).toBe('RateLimited');
    expect(await attempt('owner@test', 'correct-horse-1', '192.0.2.10')).toBe('ok');
    // The account's failures from every address slow further tries once past the limit, growing, never locking.
    expect((await signInLimit('owner@test', '192.0.2.11')).delaySeconds).toBe(0);
    expect([5, 6, 7, 8, 9, 40].map(signInDelaySeconds)).toEqual([0, 1, 2, 4, 8, 10]);
  });

  it('behind a trusted proxy chain, the first address no trusted proxy wrote is the client', async () => {
    process.env.TRUSTED_PROXIES = '10.0.0.0/8';
    resetEnvCache();
    try {
      for (let i = 0; i < 5; i++) {
        expect(await attempt('proxied@test', 'wrong-password', `203.0.113.${i}, 198.51.100.88, 10.0.0.7`)).toBe('CredentialsSignin');
      }
      expect(await attempt('proxied@test', 'correct-horse-1', '203.0.113.99, 198.51.100.88, 10.0.0.8')).toBe('RateLimited');
      expect(await attempt('proxied@test', 'correct-horse-1', '198.51.100.89, 10.0.0.7')).toBe('ok');
    } finally {
      delete process.env.TRUSTED_PROXIES;
      resetEnvCache();
    }
  });
});

describe('13.12 smaller holes', () => {
  it('a reference list is looked up among the lists only: __proto__, constructor and toString are 404', async () => {
    const reference = (list: string) =>
      referenceGet(new Request(`http://test/api/v1/reference/${list}`, { headers: bearer(T.read!) }), { params: Promise.resolve({ list }) });
    for (const list of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await reference(list);
      expect(res.status, list).toBe(404);
      expect((await res.json()).error).toContain('districts, units, catalog, measures');
    }
    expect((await reference('units')).status).toBe(200);
  });

  it('a tRPC batch holds at most TRPC_MAX_BATCH procedures: 200 in one GET are refused with 400', async () => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => 'reference.districts').join(',');
      const input = JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { json: null }])));
      return trpcGet(new Request(`http://test/api/trpc/${paths}?batch=1&input=${encodeURIComponent(input)}`, { headers: bearer(T.read!) }));
    };
    const refused = await batch(200);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain(`at most ${TRPC_MAX_BATCH} procedures`);
    expect((await batch(TRPC_MAX_BATCH)).status).toBe(200);
  });

  it('pages get a script nonce of their own instead of unsafe-inline, and HSTS when served over HTTPS', async () => {
    const page = (url: string, headers: Record<string, string> = {}) => proxy(new NextRequest(url, { headers }));
    const scriptSrc = (res: Response) => /script-src ([^;]*)/.exec(res.headers.get('content-security-policy') ?? '')?.[1] ?? '';
    const [first, second] = [await page('http://csm.test/'), await page('http://csm.test/')];
    expect(scriptSrc(first)).not.toContain('unsafe-inline');
    expect(scriptSrc(first)).toMatch(/'nonce-[A-Za-z0-9+/]{22}=='/);
    expect(scriptSrc(second)).not.toBe(scriptSrc(first)); // fresh per request
    expect(first.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(first.headers.get('strict-transport-security')).toBeNull();
    expect((await page('https://csm.test/')).headers.get('strict-transport-security')).toContain('max-age=31536000');
    expect((await page('http://csm.test/', { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toContain('max-age=');
  });
});
