import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { GET as itemsGet } from '@/app/api/v1/items/ingestion/route';
import { POST as tokensPost } from '@/app/api/v1/admin/tokens/route';
import { DELETE as tokenDelete } from '@/app/api/v1/admin/tokens/[id]/route';
import { POST as usersPost } from '@/app/api/v1/admin/users/route';
import { GET as referenceGet } from '@/app/api/v1/reference/[list]/route';
import { authOptions } from '@/server/auth/options';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { createUser } from '@/server/auth/users';
import { insertRows, queryRows } from '@/server/db/query';
import { appRouter } from '@/server/trpc/router';
import { createCallerFactory } from '@/server/trpc/init';
import { freshDatabase } from './_db';

const createCaller = createCallerFactory(appRouter);
const callerAs = (principal: Principal | null) => createCaller({ requestId: 'test', ip: '127.0.0.9', principal });

const person = (role: Principal['role'], districtCode = '', unitCode = ''): Principal => ({
  kind: 'user',
  id: `00000000-0000-4000-8000-00000000000${role.length}`,
  name: `${role}@test`,
  role,
  districtCode,
  unitCode,
  tokenScopes: [],
});
const admin = person('admin');
const leader = person('leader');
const inspector = person('inspector');
const dongcheng = person('district', '990102');
const cityUnit = person('unit', '990100', 'C002');

const rejected = (unit: string, district: string, row: number) => ({
  batch_id: '00000000-0000-4000-8000-0000000000aa',
  stream: 'records',
  unit_code: unit,
  district_code: district,
  row_no: row,
  raw: `{"recordId":"X${row}"}`,
  error_codes: ['REQUIRED'],
  errors: '[{"field":"subjectName","code":"REQUIRED","message":"缺少必填字段"}]',
  received_at: `2026-11-0${row} 10:00:00.000`,
});

const tokens: Record<string, string> = {};
const get = (path: string, token?: string) =>
  new Request(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (path: string, body: unknown, token?: string) =>
  new Request(`http://test${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
const items = async (query: string, token?: string) => {
  const res = await itemsGet(get(`/api/v1/items/ingestion?${query}`, token));
  return { status: res.status, body: res.status === 200 ? await res.json() : await res.json() };
};

beforeAll(async () => {
  await freshDatabase();
  // Quarantined rows of three units in two districts and the city level.
  await insertRows('rejected_rows', [
    rejected('D990102-01', '990102', 1),
    rejected('D990102-02', '990102', 2),
    rejected('D990103-01', '990103', 3),
    rejected('C002', '990100', 4),
  ]);
  tokens.dongchengRead = (await createToken({ name: 'dc-read', unitCode: 'D990102-01', scopes: ['read'], createdBy: 't' })).token;
  tokens.ingestOnly = (await createToken({ name: 'ingest', unitCode: 'D990102-01', scopes: ['ingest'], createdBy: 't' })).token;
  tokens.admin = (await createToken({ name: 'adm', unitCode: 'C001', scopes: ['admin'], createdBy: 't' })).token;
}, 300_000);

describe('item scope through tRPC', () => {
  it('admin, leader and inspector see every district', async () => {
    for (const p of [admin, leader, inspector]) {
      const page = await callerAs(p).ingestion.rejectedItems({});
      expect(page.items.map((i) => i.unitCode).sort()).toEqual(['C002', 'D990102-01', 'D990102-02', 'D990103-01']);
    }
  });

  it('a district user sees only its district, and asking for another district gives nothing', async () => {
    const own = await callerAs(dongcheng).ingestion.rejectedItems({});
    expect(own.items.map((i) => i.districtCode)).toEqual(['990102', '990102']);
    expect((await callerAs(dongcheng).ingestion.rejectedItems({ district: '990103' })).items).toEqual([]);
    expect((await callerAs(dongcheng).ingestion.rejectedItems({ unit: 'D990103-01' })).items).toEqual([]);
  });

  it('a unit user sees only its unit', async () => {
    expect((await callerAs(cityUnit).ingestion.rejectedItems({})).items.map((i) => i.unitCode)).toEqual(['C002']);
    expect((await callerAs(cityUnit).ingestion.rejectedItems({ unit: 'D990102-01' })).items).toEqual([]);
  });

  it('aggregates stay city-wide for every role', async () => {
    for (const p of [dongcheng, cityUnit]) {
      const rows = await callerAs(p).ingestion.kpi({ from: '2026-11-01', to: '2026-11-23', groupBy: 'district' });
      expect(rows.rows).toHaveLength(17);
      expect(rows.rows.find((r) => r.key === '990103')?.rejectedRows).toBe(1);
    }
  });

  it('paging hands out every row once', async () => {
    const first = await callerAs(admin).ingestion.rejectedItems({ limit: 3 });
    expect(first.items).toHaveLength(3);
    const second = await callerAs(admin).ingestion.rejectedItems({ limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((i) => i.rowNo)).size).toBe(4);
  });

  it('no session is UNAUTHORIZED; admin procedures are FORBIDDEN to other roles', async () => {
    await expect(callerAs(null).ingestion.kpi({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    for (const p of [leader, inspector, dongcheng, cityUnit]) {
      await expect(callerAs(p).admin.users()).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(callerAs(p).admin.audit({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(Array.isArray(await callerAs(admin).admin.users())).toBe(true);
  });
});

describe('REST with tokens', () => {
  it('a read token sees what its unit user would see, also with another district in the query and in exports', async () => {
    const own = await items('status=rejected', tokens.dongchengRead);
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(['D990102-01']);
    expect((await items('status=rejected&district=990103', tokens.dongchengRead)).body.items).toEqual([]);
    const csv = await (await itemsGet(get('/api/v1/items/ingestion?status=rejected&format=csv', tokens.dongchengRead))).text();
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2); // header + its one row
    expect(lines[1]).toContain('D990102-01');
    const otherCsv = await (await itemsGet(get('/api/v1/items/ingestion?status=rejected&format=csv&unit=D990103-01', tokens.dongchengRead))).text();
    expect(otherCsv.trim().split('\r\n')).toHaveLength(1);
  });

  it('answers 401 without or with an unknown token, 403 without the scope, 400 on a bad filter', async () => {
    expect((await items('status=rejected')).status).toBe(401);
    expect((await items('status=rejected', 'csm_nonsense')).status).toBe(401);
    const forbidden = await items('status=rejected', tokens.ingestOnly);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toContain("'read'");
    const bad = await items('status=rejected&from=yesterday', tokens.dongchengRead);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toContain('from');
    expect((await referenceGet(get('/api/v1/reference/units'), { params: Promise.resolve({ list: 'units' }) })).status).toBe(401);
  });

  it('admin token creates a token (shown once), which works until revoked', async () => {
    const denied = await tokensPost(post('/api/v1/admin/tokens', { unitCode: 'C003', scopes: ['read'], name: 'x' }, tokens.dongchengRead));
    expect(denied.status).toBe(403);
    const invalid = await tokensPost(post('/api/v1/admin/tokens', { unitCode: 'NOPE', scopes: ['read'], name: 'x' }, tokens.admin));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toContain('NOPE');
    const res = await tokensPost(post('/api/v1/admin/tokens', { unitCode: 'D990103-01', scopes: ['read'], name: 'new' }, tokens.admin));
    expect(res.status).toBe(201);
    const { id, token } = (await res.json()) as { id: string; token: string };
    expect(token).toMatch(/^csm_/);
    const stored = await queryRows('SELECT token_hash AS h FROM api_tokens FINAL WHERE id = {id:UUID}', { id }, z.object({ h: z.string() }));
    expect(stored[0]?.h).not.toContain(token); // only the hash is kept
    expect((await items('status=rejected', token)).body.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(['D990103-01']);
    const del = await tokenDelete(new Request(`http://test/api/v1/admin/tokens/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${tokens.admin}` } }), { params: Promise.resolve({ id }) });
    expect(del.status).toBe(200);
    expect((await items('status=rejected', token)).status).toBe(401);
  });

  it('provisions users with validation messages that say what to fix', async () => {
    const weak = await usersPost(post('/api/v1/admin/users', { email: 'a@b.cn', name: 'A', password: 'short', role: 'leader' }, tokens.admin));
    expect(weak.status).toBe(400);
    expect((await weak.json()).error).toContain('10');
    const unbound = await usersPost(post('/api/v1/admin/users', { email: 'd@b.cn', name: 'D', password: 'long-enough-pw', role: 'district' }, tokens.admin));
    expect(unbound.status).toBe(400);
    expect((await unbound.json()).error).toContain('districtCode');
    const ok = await usersPost(post('/api/v1/admin/users', { email: 'U@B.cn', name: 'U', password: 'long-enough-pw', role: 'unit', unitCode: 'D990104-01' }, tokens.admin));
    expect(ok.status).toBe(201);
    const user = await ok.json();
    expect(user).toMatchObject({ email: 'u@b.cn', role: 'unit', unitCode: 'D990104-01', districtCode: '990104' });
    expect(user).not.toHaveProperty('passwordHash');
    const again = await usersPost(post('/api/v1/admin/users', { email: 'u@b.cn', name: 'U', password: 'long-enough-pw', role: 'leader' }, tokens.admin));
    expect(again.status).toBe(409);
  });
});

describe('audit and sign-in limits', () => {
  it('drill-downs and exports are audited with who, filters and row counts', async () => {
    const rows = await queryRows(
      `SELECT action, actor, role, row_count AS n, filters FROM audit_log WHERE action IN ('drill_down', 'export') ORDER BY at`,
      {},
      z.object({ action: z.string(), actor: z.string(), role: z.string(), n: z.number(), filters: z.string() }),
    );
    expect(rows.some((r) => r.action === 'export' && r.actor === 'dc-read' && r.n === 1)).toBe(true);
    expect(rows.some((r) => r.action === 'drill_down' && r.actor === 'district@test' && r.filters.includes('990103') && r.n === 0)).toBe(true);
    expect(rows.filter((r) => r.action === 'admin_change' || r.action === 'export').length).toBeGreaterThan(0);
  });

  it('five wrong passwords in a row block the account (even the right password), and every try is audited', async () => {
    await createUser({ email: 'victim@test', name: 'V', password: 'correct-horse-1', role: 'leader', source: 'admin' });
    const provider = authOptions.providers[0] as unknown as {
      options: { authorize: (c: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const attempt = (password: string) =>
      provider.options.authorize({ email: 'victim@test', password }, { headers: { 'x-forwarded-for': '10.9.9.9' } });
    await expect(attempt('correct-horse-1')).resolves.toMatchObject({ email: 'victim@test' });
    for (let i = 0; i < 5; i++) await expect(attempt('wrong-password')).rejects.toThrow('CredentialsSignin');
    await expect(attempt('correct-horse-1')).rejects.toThrow('RateLimited');
    const counts = await queryRows(
      `SELECT action, count() AS n FROM audit_log WHERE actor = 'victim@test' GROUP BY action ORDER BY action`,
      {},
      z.object({ action: z.string(), n: z.number() }),
    );
    expect(counts).toEqual([
      { action: 'sign_in', n: 1 },
      { action: 'sign_in_blocked', n: 1 },
      { action: 'sign_in_failed', n: 5 },
    ]);
  });
});
