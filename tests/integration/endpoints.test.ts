/**
 * Issue 18.1: a walk over every registered endpoint (server/endpoints/registry.ts). Each one is a tRPC procedure with
 * its own schema, a REST route that answers, and an OpenAPI operation; every item read is audited with the caller's
 * request id through REST and tRPC alike, every export when its stream ends; and every date parameter refuses an
 * impossible date (2026-02-31) with a 400 that names it.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { insertRows, queryRows } from '@/server/db/query';
import type { Endpoint } from '@/server/endpoints/define';
import { ENDPOINTS } from '@/server/endpoints/registry';
import { openApiDocument } from '@/server/http/openapi';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { freshDatabase } from './_db';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEndpoint = Endpoint<any, any, any>;

const NOTICE_ID = '0b6d3c1e-5f2a-4c3e-9d1b-7a8e6f5d4c3b';

/** What each endpoint is asked in this walk: the defaults, except where a parameter is required. */
const SAMPLE_INPUT: Record<string, Record<string, string>> = {
  'assessment.ranking': { period: '2026-10' },
  // The unit's own row: the token below (unit C002) may see its explanation, so the read is an item read.
  'assessment.entity': { period: '2026-10', level: 'unit', code: 'C002' },
  'ingestion.unitBaseline': { unitCode: 'C002' },
  'inspection.notice': { id: NOTICE_ID },
};

/**
 * The endpoints that answer aggregates only (counts, rates, scores): not item reads, so not audited. A new endpoint
 * must be added here or audited, so deciding it is part of adding it.
 */
const FIGURES_ONLY = [
  'assessment.ranking',
  // Reference data: the working-day calendar, not an item read.
  'calendar.days',
  'ingestion.kpi',
  'ingestion.volume',
  'ingestion.heatmap',
  'ingestion.errorCodes',
  'ingestion.submissions',
  'ingestion.anomalies',
  'ingestion.unitBaseline',
  'inspection.followUp',
  'publicity.kpi',
  'publicity.delayHistogram',
  'sanctions.kpi',
  'sanctions.funnel',
  // The big screen: city-wide figures, and what became overdue today as counts per unit.
  'screen.figures',
];

const ADMIN: Principal = { kind: 'user', id: 'admin-walk', name: 'admin@walk.test', role: 'admin', districtCode: '', unitCode: '', tokenScopes: [] };
const trpcAs = (requestId: string) => createCallerFactory(appRouter)({ requestId, ip: '127.0.0.5', principal: ADMIN });

let token = '';
const doc = openApiDocument() as { paths: Record<string, { get?: { operationId?: string; parameters?: Array<{ name: string; in: string; schema?: { format?: string } }> } }> };

/** The route module of an OpenAPI path: /api/v1/notices/{id} → app/api/v1/notices/[id]/route.ts. */
async function routeOf(apiPath: string): Promise<{ GET: (req: Request, route?: { params: Promise<Record<string, string>> }) => Promise<Response> }> {
  const file = path.resolve('app', apiPath.slice(1).replace(/\{(\w+)\}/g, '[$1]'), 'route.ts');
  return import(pathToFileURL(file).href);
}

/** GET an endpoint over REST with its sample input (path parameters filled in, `rest.when` added). */
async function restGet(e: AnyEndpoint, requestId: string, extra: Record<string, string> = {}): Promise<Response> {
  const input = { ...SAMPLE_INPUT[e.name], ...extra };
  const pathParams: Record<string, string> = {};
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(input)) {
    if (e.rest.path.includes(`{${k}}`)) pathParams[k] = v;
    else query.set(k, v);
  }
  if (e.rest.when) query.set(e.rest.when.param, e.rest.when.value);
  const url = `http://test${e.rest.path.replace(/\{(\w+)\}/g, (_, k: string) => pathParams[k]!)}?${query}`;
  const req = new Request(url, { headers: { authorization: `Bearer ${token}`, 'x-request-id': requestId } });
  const { GET } = await routeOf(e.rest.path);
  return GET(req, { params: Promise.resolve(pathParams) });
}

const auditOf = (requestId: string) =>
  queryRows(
    `SELECT action, target, request_id AS requestId, actor FROM audit_log WHERE request_id = {requestId:String} ORDER BY at`,
    { requestId },
    z.object({ action: z.string(), target: z.string(), requestId: z.string(), actor: z.string() }),
  );

/** The procedure of an endpoint in the app router (tRPC's flat map of 'area.name' to procedure). */
const procedureAt = (name: string) =>
  (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[]; type: string } } | undefined>)[name];

beforeAll(async () => {
  await freshDatabase({ today: '2026-11-23' });
  token = (await createToken({ name: 'walk-read', unitCode: 'C002', scopes: ['read'], createdBy: 't' })).token;
  // One notice to C002 with one item and its issue event, so the notice endpoint has something to read.
  await insertRows('notices', [
    {
      notice_id: NOTICE_ID,
      year: 2026,
      seq: 1,
      number: '督办〔2026〕第1号',
      unit_code: 'C002',
      district_code: '990100',
      issued_on: '2026-11-20',
      reply_workdays: 5,
      reply_deadline: '2026-11-27',
      issued_by_id: ADMIN.id,
      issued_by: ADMIN.name,
      note: '',
      view_filters: '{}',
      created_at: '2026-11-20 10:00:00.000',
    },
  ]);
  await insertRows('notice_items', [
    {
      notice_id: NOTICE_ID,
      item_no: 1,
      kind: 'publicity_overdue',
      item_key: '["license","XK-W"]',
      unit_code: 'C002',
      district_code: '990100',
      subject: 'XK-W',
      detail: '行政许可决定 XK-W 逾期未公示',
      item_date: '2026-11-02',
      deadline: '2026-11-11',
      workdays_overdue: 7,
      link: '',
    },
  ]);
  await insertRows('notice_events', [
    { notice_id: NOTICE_ID, event: 'issued', item_no: 0, on_date: '2026-11-20', at: '2026-11-20 10:00:00.000', actor_id: ADMIN.id, actor: ADMIN.name, detail: '' },
  ]);
}, 300_000);

describe('every registered endpoint', () => {
  it('has a unique name, and the names and the figures-only list agree with the registry', () => {
    const names = ENDPOINTS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of FIGURES_ONLY) expect(names, name).toContain(name);
    expect(ENDPOINTS.length).toBeGreaterThanOrEqual(24);
  });

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s is a tRPC procedure with the definition\'s schema and an OpenAPI operation', (name, e) => {
    const procedure = procedureAt(name);
    expect(procedure, `appRouter.${name}`).toBeDefined();
    expect(procedure!._def.type).toBe('query');
    expect(procedure!._def.inputs).toContain(e.input);
    const op = doc.paths[e.rest.path]?.get;
    expect(op, `OpenAPI GET ${e.rest.path}`).toBeDefined();
    expect(op!.operationId!.split(/[^A-Za-z0-9.]+/)).toContain(name);
  });

  it('is audited exactly when it reads items: every export is audited, every other one is a figure', () => {
    for (const e of ENDPOINTS) {
      if (e.exports) expect(e.audit, `${e.name} exports items`).toBeDefined();
      expect(Boolean(e.audit), e.name).toBe(!FIGURES_ONLY.includes(e.name));
    }
  });

  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s answers over REST and tRPC, item reads audited with the request id', async (name, e) => {
    const restId = `walk-rest-${name}`;
    const res = await restGet(e, restId);
    expect(res.status, `${name}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
    await res.json();
    const trpcId = `walk-trpc-${name}`;
    const input = e.input.parse({ ...SAMPLE_INPUT[name] });
    const [area, proc] = name.split('.') as [string, string];
    const caller = trpcAs(trpcId) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    await caller[area]![proc]!({ ...SAMPLE_INPUT[name] });
    const restRows = await auditOf(restId);
    const trpcRows = await auditOf(trpcId);
    if (e.audit) {
      const target = e.audit.target(input);
      expect(restRows, name).toEqual([{ action: 'drill_down', target, requestId: restId, actor: 'walk-read' }]);
      expect(trpcRows, name).toEqual([{ action: 'drill_down', target, requestId: trpcId, actor: ADMIN.name }]);
    } else {
      expect(restRows, name).toEqual([]);
      expect(trpcRows, name).toEqual([]);
    }
  });

  it.each(ENDPOINTS.filter((e) => e.exports).map((e) => [e.name, e] as const))('%s exports CSV and XLSX, audited with the request id when the file ends', async (name, e) => {
    for (const format of ['csv', 'xlsx']) {
      const id = `walk-export-${format}-${name}`;
      const res = await restGet(e, id, { format });
      expect(res.status, name).toBe(200);
      expect(res.headers.get('content-disposition')).toContain(`.${format}`);
      await res.arrayBuffer();
      let rows = await auditOf(id);
      for (let i = 0; i < 20 && rows.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        rows = await auditOf(id);
      }
      expect(rows.map((r) => r.action), `${name} ${format}`).toEqual(['export']);
    }
    const unknown = await restGet(e, `walk-export-pdf-${name}`, { format: 'pdf' });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toContain("format 'pdf' is not supported");
  });

  it.each(ENDPOINTS.filter((e) => !e.exports).map((e) => [e.name, e] as const))('%s refuses an export format with a 400 that says json', async (name, e) => {
    const res = await restGet(e, `walk-noexport-${name}`, { format: 'csv' });
    expect(res.status, name).toBe(400);
    expect((await res.json()).error).toContain('use json');
  });
});

/** The query parameters of an endpoint's own schema, as OpenAPI derives them (server/http/openapi.ts). */
function inputProperties(e: AnyEndpoint): Record<string, { format?: string }> {
  const schema = z.toJSONSchema(e.input, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { format?: string }> };
  return schema.properties ?? {};
}

describe('one period module: every date parameter of every endpoint', () => {
  const dated = ENDPOINTS.flatMap((e) =>
    Object.entries(inputProperties(e))
      .filter(([, p]) => p.format === 'date')
      .map(([param]) => [e.name, param, e] as const),
  );

  it('is found in the schemas (the dated endpoints are most of them)', () => {
    expect(dated.length).toBeGreaterThan(40);
    expect(new Set(dated.map(([name]) => name)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(dated)('%s refuses %s=2026-02-31 with a 400 naming it, through REST and tRPC', async (name, param, e) => {
    const res = await restGet(e, `walk-date-${name}-${param}`, { [param]: '2026-02-31' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toContain(`${param}:`);
    const [area, proc] = name.split('.') as [string, string];
    const caller = trpcAs('walk-date') as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    await expect(caller[area]![proc]!({ ...SAMPLE_INPUT[name], [param]: '2026-02-31' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  const periods = ENDPOINTS.filter((e) => 'from' in inputProperties(e) && 'to' in inputProperties(e));
  it.each(periods.map((e) => [e.name, e] as const))('%s refuses a period whose from is after its to, saying so', async (name, e) => {
    const res = await restGet(e, `walk-order-${name}`, { from: '2026-11-02', to: '2026-11-01' });
    expect(res.status, name).toBe(400);
    expect((await res.json()).error).toContain('开始日期不能晚于结束日期');
    const [area, proc] = name.split('.') as [string, string];
    const caller = trpcAs('walk-order') as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    await expect(caller[area]![proc]!({ ...SAMPLE_INPUT[name], from: '2026-11-02', to: '2026-11-01' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('开始日期不能晚于结束日期'),
    });
  });
});
