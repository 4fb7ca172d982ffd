import { beforeAll, describe, expect, it } from 'vitest';
import { GET as assessmentGet } from '@/app/api/v1/assessment/route';
import { GET as ingestionItemsGet } from '@/app/api/v1/items/ingestion/route';
import { GET as problemsGet } from '@/app/api/v1/items/problems/route';
import { GET as publicityItemsGet } from '@/app/api/v1/items/publicity/route';
import { GET as sanctionItemsGet } from '@/app/api/v1/items/sanctions/route';
import { GET as ingestionKpiGet } from '@/app/api/v1/kpi/ingestion/route';
import { GET as publicityKpiGet } from '@/app/api/v1/kpi/publicity/route';
import { GET as sanctionKpiGet } from '@/app/api/v1/kpi/sanctions/route';
import { GET as noticesGet } from '@/app/api/v1/notices/route';
import { createToken } from '@/server/auth/tokens';
import { freshDatabase } from './_db';

/**
 * Issue 13.2: every date of a query goes through one schema. A date that does not exist, or lies outside what a
 * ClickHouse Date holds (which would silently clamp it), is a 400 that names the parameter and the expected form.
 */
let token = '';
beforeAll(async () => {
  await freshDatabase({ today: '2026-11-23' });
  token = (await createToken({ name: 'reader', unitCode: 'C001', scopes: ['read'], createdBy: 't' })).token;
}, 300_000);

type Get = (req: Request) => Promise<Response>;
async function get(handler: Get, path: string) {
  const res = await handler(new Request(`http://test${path}`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, body: (await res.json()) as { error?: string } };
}

const ROUTES: Array<[string, Get, string]> = [
  ['/api/v1/kpi/sanctions', sanctionKpiGet, ''],
  ['/api/v1/items/sanctions', sanctionItemsGet, ''],
  ['/api/v1/kpi/publicity', publicityKpiGet, ''],
  ['/api/v1/items/publicity', publicityItemsGet, ''],
  ['/api/v1/kpi/ingestion', ingestionKpiGet, ''],
  ['/api/v1/items/ingestion', ingestionItemsGet, 'status=rejected&'],
  ['/api/v1/items/ingestion', ingestionItemsGet, 'status=accepted&'],
  ['/api/v1/items/ingestion', ingestionItemsGet, 'status=batches&'],
  ['/api/v1/items/problems', problemsGet, ''],
  ['/api/v1/notices', noticesGet, ''],
];

describe('Issue 13.2: dates in queries', () => {
  it('to=0000-00-00 on /kpi/sanctions and /items/sanctions is a 400 naming the parameter, not a 500', async () => {
    for (const [path, handler] of ROUTES.slice(0, 2)) {
      const res = await get(handler, `${path}?to=0000-00-00`);
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toMatch(/\bto: .*YYYY-MM-DD/);
    }
  });

  it('every query schema refuses an impossible date (2026-02-31) and dates a Date cannot hold, naming the parameter', async () => {
    for (const [path, handler, extra] of ROUTES) {
      for (const [param, value] of [['from', '2026-02-31'], ['to', '2026-02-31'], ['from', '1969-12-31'], ['to', '2200-01-01'], ['from', '26-1-1']]) {
        const res = await get(handler, `${path}?${extra}${param}=${value}`);
        expect(res.status, `${path} ${param}=${value}`).toBe(400);
        expect(res.body.error, `${path} ${param}=${value}`).toContain(`${param}: `);
        expect(res.body.error, `${path} ${param}=${value}`).toContain('1970-01-01');
      }
    }
    for (const [path, handler, extra] of ROUTES.filter(([p]) => p !== '/api/v1/notices' && !p.startsWith('/api/v1/items/ingestion'))) {
      const res = await get(handler, `${path}?${extra}asOf=2026-02-29`);
      expect(res.status, `${path} asOf`).toBe(400);
      expect(res.body.error, `${path} asOf`).toContain('asOf: ');
    }
  });

  it('real dates within the range are answered', async () => {
    for (const [path, handler, extra] of ROUTES) {
      const res = await get(handler, `${path}?${extra}from=2026-01-01&to=2026-02-28`);
      expect(res.status, path).toBe(200);
    }
  });

  it('assessment periods are refused when they or their previous period fall outside what a Date holds', async () => {
    expect((await get(assessmentGet, '/api/v1/assessment?period=2026-10')).status).toBe(200);
    for (const period of ['1970-01', '1970', '0000-01', '2150-01', '2026-13']) {
      const res = await get(assessmentGet, `/api/v1/assessment?period=${period}`);
      expect(res.status, period).toBe(400);
      expect(res.body.error, period).toContain('period: ');
    }
  });
});
