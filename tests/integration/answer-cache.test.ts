/**
 * Issue 20.1: a figure is computed once per data version and served to everyone, and never outlives the data it
 * depends on. Each change below is made through the product's own path (an ingest commit, a calendar rebuild, a
 * scheme save, a manual score) and must invalidate exactly the figures that read what it changed; a caller with a
 * narrower scope never receives an answer cached for a wider one. REST answers carry an ETag and answer 304.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import { GET as ingestionKpiGet } from '@/app/api/v1/kpi/ingestion/route';
import { GET as publicityKpiGet } from '@/app/api/v1/kpi/publicity/route';
import { GET as sanctionsKpiGet } from '@/app/api/v1/kpi/sanctions/route';
import { GET as trpcGet } from '@/app/api/trpc/[trpc]/route';
import superjson from 'superjson';
import { enterManualScore, saveScheme } from '@/server/assessment/store';
import { DEFAULT_SCHEMES } from '@/server/assessment/defaultSchemes';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { rebuildCalendar } from '@/server/calendar/rebuild';
import { queryRows, runCommand } from '@/server/db/query';
import { z } from 'zod';
import { LEGAL } from './_rows';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { freshDatabase } from './_db';
import { nd, record } from './_rows';

const ADMIN: Principal = { kind: 'user', id: 'cache-admin', name: 'admin@cache.test', role: 'admin', districtCode: '', unitCode: '', tokenScopes: [] };
const DISTRICT_B: Principal = { kind: 'user', id: 'cache-b', name: 'b@cache.test', role: 'district', districtCode: '990103', unitCode: '', tokenScopes: [] };
const caller = (p: Principal) => createCallerFactory(appRouter)({ requestId: 'cache', ip: '127.0.0.1', principal: p });

const T: Record<string, string> = {};
const get = (handler: (req: Request) => Promise<Response>, path: string, etag?: string) =>
  handler(new Request(`http://test${path}`, { headers: { authorization: `Bearer ${T.read}`, ...(etag ? { 'if-none-match': etag } : {}) } }));

async function ingest(stream: string, token: string, body: string) {
  const res = await ingestPost(
    new Request(`http://test/api/v1/ingest/${stream}`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` }, body }),
    { params: Promise.resolve({ stream }) },
  );
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ rejected: 0 });
}

const tagOf = async (handler: (req: Request) => Promise<Response>, path: string) => {
  const res = await get(handler, path);
  expect(res.status).toBe(200);
  return { etag: res.headers.get('etag')!, body: await res.json() };
};

const INGESTION = '/api/v1/kpi/ingestion?groupBy=unit&from=2026-11-01&to=2026-11-23';
const PUBLICITY = '/api/v1/kpi/publicity?from=2026-11-01&to=2026-11-23';
const SANCTIONS = '/api/v1/kpi/sanctions?from=2026-11-01&to=2026-11-23';

beforeAll(async () => {
  await freshDatabase({ today: '2026-11-23' });
  T.read = (await createToken({ name: 'cache-read', unitCode: 'C002', scopes: ['read'], createdBy: 't' })).token;
  T.ingest = (await createToken({ name: 'cache-ingest', unitCode: 'C002', scopes: ['ingest'], createdBy: 't' })).token;
}, 300_000);

describe('the answer cache', () => {
  it('tags a figure and answers 304 while its data is unchanged', async () => {
    const first = await tagOf(ingestionKpiGet, INGESTION);
    expect(first.etag).toMatch(/^"[\w-]{32}"$/);
    const again = await tagOf(ingestionKpiGet, INGESTION);
    expect(again.etag).toBe(first.etag);
    const notModified = await get(ingestionKpiGet, INGESTION, first.etag);
    expect(notModified.status).toBe(304);
    expect(notModified.headers.get('etag')).toBe(first.etag);
    // Another question is another answer.
    expect((await tagOf(ingestionKpiGet, INGESTION.replace('groupBy=unit', 'groupBy=district'))).etag).not.toBe(first.etag);
  });

  it('a commit of a stream recomputes the figures that read it, and only those', async () => {
    const before = await tagOf(ingestionKpiGet, INGESTION);
    const publicity = await tagOf(publicityKpiGet, PUBLICITY);
    const c002 = (body: { rows: Array<{ key: string; accepted: number }> }) => body.rows.find((r) => r.key === 'C002')!.accepted;
    expect(c002(before.body)).toBe(0);
    await ingest('records', T.ingest!, nd(record('CACHE-1', { occurredOn: '2026-11-20' })));
    const after = await tagOf(ingestionKpiGet, INGESTION);
    expect(after.etag).not.toBe(before.etag);
    expect(c002(after.body)).toBe(1); // the record, received today (2026-11-23), counts at once
    expect((await get(ingestionKpiGet, INGESTION, before.etag)).status).toBe(200);
    // 双公示 reads licences, penalties and decisions: a record does not move it.
    expect((await tagOf(publicityKpiGet, PUBLICITY)).etag).toBe(publicity.etag);
  });

  it('a calendar rebuild recomputes every figure that counts working days', async () => {
    const publicity = await tagOf(publicityKpiGet, PUBLICITY);
    const sanctions = await tagOf(sanctionsKpiGet, SANCTIONS);
    await runCommand(
      `INSERT INTO calendar_overrides (date, is_workday, note, created_by) VALUES ('2026-11-20', 0, 'cache test', 't')`,
    );
    await rebuildCalendar();
    expect((await tagOf(publicityKpiGet, PUBLICITY)).etag).not.toBe(publicity.etag);
    expect((await tagOf(sanctionsKpiGet, SANCTIONS)).etag).not.toBe(sanctions.etag);
  });

  it('serves one computation to every caller of the same scope, and recomputes after a scheme save and a manual score', async () => {
    const ranking = () => caller(ADMIN).assessment.ranking({ period: '2026-10', level: 'district' });
    const ingestion = await tagOf(ingestionKpiGet, INGESTION);
    const first = await ranking();
    expect(await ranking()).toBe(first); // the very same answer object: computed once
    const total = (r: typeof first, code: string) => r.rows.find((row) => row.code === code)!.total;

    await saveScheme({
      level: 'district',
      effectiveFrom: '2026-10',
      name: '区县考核方案（缓存测试）',
      note: 'cache test',
      indicators: DEFAULT_SCHEMES.district.indicators.map((i) => (i.code === 'MAN_PROMOTION' ? { ...i, method: { kind: 'manual' as const, defaultScore: 4 } } : i)),
      createdBy: ADMIN.name,
    });
    const afterScheme = await ranking();
    expect(afterScheme).not.toBe(first);
    expect(afterScheme.scheme.version).toBe(first.scheme.version + 1);
    // The manual default fell from 10 to 4 points: every district loses 6.
    expect(total(afterScheme, '990102')).toBeCloseTo(total(first, '990102') - 6, 6);

    await enterManualScore({ level: 'district', period: '2026-10', indicatorCode: 'MAN_PROMOTION', entityCode: '990102', score: 9, reason: 'cache test', enteredBy: ADMIN.name });
    const afterManual = await ranking();
    expect(afterManual).not.toBe(afterScheme);
    expect(total(afterManual, '990102')).toBeCloseTo(total(afterScheme, '990102') + 5, 6);
    expect(total(afterManual, '990103')).toBeCloseTo(total(afterScheme, '990103'), 6);
    // Neither moves the 归集 figures.
    expect((await tagOf(ingestionKpiGet, INGESTION)).etag).toBe(ingestion.etag);
  });

  it('never gives a caller an answer cached for a wider scope', async () => {
    const asAdmin = await caller(ADMIN).assessment.entity({ period: '2026-10', level: 'district', code: '990102' });
    expect(asAdmin.explained).toBe(true);
    expect(asAdmin.row.indicators.some((i) => Object.keys(i.inputs).length > 0)).toBe(true);
    const asOtherDistrict = await caller(DISTRICT_B).assessment.entity({ period: '2026-10', level: 'district', code: '990102' });
    expect(asOtherDistrict.explained).toBe(false);
    expect(asOtherDistrict.row.indicators.every((i) => Object.keys(i.inputs).length === 0)).toBe(true);
    // And the wider answer is still served to its own scope.
    expect(await caller(ADMIN).assessment.entity({ period: '2026-10', level: 'district', code: '990102' })).toBe(asAdmin);
  });
});

describe('item pages', () => {
  const UNIT_C002: Principal = { kind: 'user', id: 'cache-c002', name: 'c002@cache.test', role: 'unit', districtCode: '990100', unitCode: 'C002', tokenScopes: [] };
  const page = (p: Principal) => caller(p).publicity.items({ from: '2026-11-01', to: '2026-11-23', unit: 'C002', limit: 50 });
  const reads = async () =>
    (await queryRows(`SELECT count() AS n FROM audit_log WHERE action = 'drill_down' AND actor = {actor:String}`, { actor: UNIT_C002.name }, z.object({ n: z.number() }))).at(0)!.n;

  it('are computed once per data version and scope, audited at every read, and a commit shows the new item', async () => {
    const first = await page(UNIT_C002);
    expect(await page(UNIT_C002)).toBe(first); // the same answer object: one computation
    expect(await reads()).toBe(2); // yet both reads are written down
    const otherScope = await page(DISTRICT_B);
    expect(otherScope).not.toBe(first); // another scope never shares the unit's answer
    expect(otherScope.items).toHaveLength(0); // C002 lies outside district 990103

    await ingest(
      'licenses',
      T.ingest!,
      nd({ docNo: 'XK-CACHE-1', subjectType: 'legal', subjectName: '缓存测试公司', subjectCode: LEGAL, licenseName: '食品经营许可', licenseCategory: '普通', decisionDate: '2026-11-20', validFrom: '2026-11-20' }),
    );
    const after = await page(UNIT_C002);
    expect(after).not.toBe(first);
    expect(after.items.map((i) => i.docNo)).toContain('XK-CACHE-1');
    expect(first.items.map((i) => i.docNo)).not.toContain('XK-CACHE-1');
  });
});

describe('tRPC GET answers', () => {
  const KPI = { groupBy: 'unit', from: '2026-11-01', to: '2026-11-23' };
  const trpc = (paths: string, inputs: unknown[], token: string, etag?: string) => {
    const input = encodeURIComponent(JSON.stringify(Object.fromEntries(inputs.map((v, i) => [i, superjson.serialize(v)]))));
    return trpcGet(
      new Request(`http://test/api/trpc/${paths}?batch=1&input=${input}`, {
        headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
      }),
    );
  };

  it('carry the ETag of their data versions, answer 304 while they hold, and a commit changes it', async () => {
    const first = await trpc('ingestion.kpi', [KPI], T.read!);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    expect((await trpc('ingestion.kpi', [KPI], T.read!, etag)).status).toBe(304);
    // A batch of two figures has one tag of both; it is not either one's.
    const batch = await trpc('ingestion.kpi,publicity.kpi', [KPI, { from: '2026-11-01', to: '2026-11-23' }], T.read!);
    expect(batch.status).toBe(200);
    expect(batch.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    expect(batch.headers.get('etag')).not.toBe(etag);

    await ingest('records', T.ingest!, nd(record('CACHE-TRPC', { occurredOn: '2026-11-20' })));
    const after = await trpc('ingestion.kpi', [KPI], T.read!, etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
  });

  it('are not tagged where a call is not a figure, or the caller would be refused', async () => {
    const withList = await trpc('ingestion.kpi,reference.districts', [KPI, undefined], T.read!);
    expect(withList.status).toBe(200);
    expect(withList.headers.get('etag')).toBeNull();
    // An ingest-only token may not read: it gets the refusal, never a 304 from another caller's tag.
    const tag = (await trpc('ingestion.kpi', [KPI], T.read!)).headers.get('etag')!;
    const refused = await trpc('ingestion.kpi', [KPI], T.ingest!, tag);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('etag')).toBeNull();
  });
});
