import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as mapPost } from '@/app/api/v1/admin/district-map/route';
import { GET as mapGet } from '@/app/api/v1/screen/map/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { freshDatabase } from './_db';

/** 管理's district map upload (issue 17): every district code of the reference data matched exactly once. */
type Map = { type: string; features: Array<{ type: string; properties: { code: string; name: string }; geometry: unknown }> };
const demo = JSON.parse(readFileSync('seeds/reference/districts.geo.json', 'utf8')) as Map;
const admin: Principal = { kind: 'user', id: '00000000-0000-4000-8000-0000000000a1', name: 'admin@test', role: 'admin', districtCode: '', unitCode: '', tokenScopes: [] };
const caller = createCallerFactory(appRouter)({ requestId: 't', ip: '127.0.0.1', principal: admin });
let token = '';

/** The demo map with 北辰区 990105 recoded as 123456: one code missing, one unknown. */
const broken = (): Map => ({ ...demo, features: demo.features.map((f) => (f.properties.code === '990105' ? { ...f, properties: { ...f.properties, code: '123456' } } : f)) });
const post = (body: unknown) =>
  mapPost(new Request('http://test/api/v1/admin/district-map', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }));

beforeAll(async () => {
  await freshDatabase({ today: '2026-11-24' });
  token = (await createToken({ name: 'admin', unitCode: 'C001', scopes: ['admin'], createdBy: 't' })).token;
}, 120_000);

describe('the district map upload', () => {
  it('accepts the demo map (16 districts), by tRPC and REST', async () => {
    expect(await caller.admin.uploadDistrictMap({ geojson: JSON.stringify(demo) })).toEqual({ features: 16 });
    const res = await post(demo);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ features: 16 });
  });

  it('rejects a map with a missing and an unknown code, naming both, and keeps the map in use', async () => {
    const before = (await mapGet(new Request('http://test/api/v1/screen/map', { headers: { authorization: `Bearer ${token}` } }))).headers.get('etag');
    await expect(caller.admin.uploadDistrictMap({ geojson: JSON.stringify(broken()) })).rejects.toThrow(/缺少 990105（北辰区）.*未知代码 123456/);
    const res = await post(broken());
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: string };
    expect(error).toContain('990105');
    expect(error).toContain('北辰区');
    expect(error).toContain('123456');
    expect(error).toMatch(/missing 990105; unknown 123456/);
    const after = (await mapGet(new Request('http://test/api/v1/screen/map', { headers: { authorization: `Bearer ${token}` } }))).headers.get('etag');
    expect(after).toBe(before);
  });

  it('serves an accepted upload at the next read, with a new entity tag', async () => {
    const read = () => mapGet(new Request('http://test/api/v1/screen/map', { headers: { authorization: `Bearer ${token}` } }));
    const before = (await read()).headers.get('etag');
    const renamed: Map = { ...demo, features: demo.features.map((f) => (f.properties.code === '990102' ? { ...f, properties: { ...f.properties, name: '东城区（新图）' } } : f)) };
    expect((await post(renamed)).status).toBe(200);
    const res = await read();
    expect(res.headers.get('etag')).not.toBe(before);
    const served = (await res.json()) as Map;
    expect(served.features.find((f) => f.properties.code === '990102')?.properties.name).toBe('东城区（新图）');
  });

  it('rejects a district drawn twice, and what is not a GeoJSON FeatureCollection or not JSON', async () => {
    const twice = { ...demo, features: [...demo.features, demo.features[0]!] };
    expect((await (await post(twice)).json()).error).toMatch(/重复 990102/);
    expect((await post({ type: 'Feature' })).status).toBe(400);
    await expect(caller.admin.uploadDistrictMap({ geojson: '{not json' })).rejects.toThrow(/JSON/);
  });

  it('is for admins only', async () => {
    const leader = createCallerFactory(appRouter)({ requestId: 't', ip: '127.0.0.1', principal: { ...admin, role: 'leader' } });
    await expect(leader.admin.uploadDistrictMap({ geojson: JSON.stringify(demo) })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const display = (await createToken({ name: 'wall', unitCode: 'C001', scopes: ['display'], createdBy: 't' })).token;
    const res = await mapPost(new Request('http://test/api/v1/admin/district-map', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${display}` }, body: JSON.stringify(demo) }));
    expect(res.status).toBe(403);
  });
});
