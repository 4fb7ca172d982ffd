import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import { GET as kpiGet } from '@/app/api/v1/kpi/ingestion/route';
import { GET as itemsGet } from '@/app/api/v1/items/ingestion/route';
import { createToken } from '@/server/auth/tokens';
import { queryRows } from '@/server/db/query';
import { resetEnvCache } from '@/server/env';
import { freshDatabase } from './_db';
import { nd, record } from './_rows';

const T: Record<string, string> = {};

type Opts = { token?: string; type?: string; key?: string };
async function post(stream: string, body: string, o: Opts = {}) {
  const req = new Request(`http://test/api/v1/ingest/${stream}`, {
    method: 'POST',
    headers: {
      'content-type': o.type ?? 'application/x-ndjson',
      authorization: `Bearer ${o.token ?? T.market}`,
      ...(o.key ? { 'idempotency-key': o.key } : {}),
    },
    body,
  });
  const res = await ingestPost(req, { params: Promise.resolve({ stream }) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { accepted: number; rejected: number; error?: string } };
}
const kpiRow = z.object({ key: z.string(), accepted: z.number(), acceptedRows: z.number(), rejectedRows: z.number() });
/** The unit's row of GET /api/v1/kpi/ingestion for the pinned day's November. */
async function unitKpi(): Promise<z.output<typeof kpiRow>> {
  const url = 'http://test/api/v1/kpi/ingestion?from=2026-11-01&to=2026-11-23&groupBy=unit&unit=D990102-01';
  const res = await kpiGet(new Request(url, { headers: { authorization: `Bearer ${T.reader}` } }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { rows: unknown[] };
  return kpiRow.parse(body.rows.find((r) => (r as { key: string }).key === 'D990102-01'));
}
/** How many distinct records of the unit the items list shows with this id prefix. */
async function itemsListed(prefix: string): Promise<number> {
  const url = `http://test/api/v1/items/ingestion?status=accepted&from=2026-11-01&to=2026-11-23&unit=D990102-01&limit=500`;
  const res = await itemsGet(new Request(url, { headers: { authorization: `Bearer ${T.reader}` } }));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { items: Array<{ key?: string; itemKey?: string }> };
  return body.items.filter((i) => JSON.stringify(i).includes(prefix)).length;
}

/** The answer, or 'hung' when none came within the time (the bug this guards against answered never). */
const within = <T,>(p: Promise<T>, ms = 20_000) =>
  Promise.race([p, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), ms))]);

beforeAll(async () => {
  await freshDatabase({ today: '2026-11-23' });
  T.market = (await createToken({ name: 'dc-market', unitCode: 'D990102-01', scopes: ['ingest'], createdBy: 't' })).token;
  T.backfill = (await createToken({ name: 'bf', unitCode: 'D990102-01', scopes: ['backfill'], createdBy: 't' })).token;
  T.reader = (await createToken({ name: 'ro', unitCode: 'D990102-01', scopes: ['read'], createdBy: 't' })).token;
}, 300_000);

describe('issue 13.4: a CSV syntax error ends the request', () => {
  it('answers 400 naming the line, and the same Idempotency-Key is free again at once', async () => {
    const bad = 'recordId,catalogCode\n"1","QYDJ"\na"b,c\n';
    const first = await within(post('records', bad, { type: 'text/csv', key: 'csv-k1' }));
    expect(first).not.toBe('hung');
    if (first === 'hung') return;
    expect(first.status).toBe(400);
    expect(first.body.error).toMatch(/line 3|第 3 行/);
    const again = await within(post('records', bad, { type: 'text/csv', key: 'csv-k1' }));
    expect(again).not.toBe('hung');
    if (again !== 'hung') expect(again.status).toBe(400);
  });
});

describe('issue 13.4: a wait on an Idempotency-Key lock ends', () => {
  it('a retry while the first request still reads its body gets a 409 with Retry-After once the wait is over', async () => {
    process.env.INGEST_KEY_WAIT_SECONDS = '1';
    resetEnvCache();
    let stall!: ReadableStreamDefaultController<Uint8Array>;
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        stall = controller;
        controller.enqueue(new TextEncoder().encode(JSON.stringify(record('HOLD-1')) + '\n'));
      },
    });
    const first = ingestPost(
      new Request('http://test/api/v1/ingest/records', {
        method: 'POST',
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${T.market}`, 'idempotency-key': 'held' },
        body: stalled,
        duplex: 'half',
      } as RequestInit),
      { params: Promise.resolve({ stream: 'records' }) },
    );
    await new Promise((r) => setTimeout(r, 200));
    const req = new Request('http://test/api/v1/ingest/records', {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${T.market}`, 'idempotency-key': 'held' },
      body: JSON.stringify(record('HOLD-1')),
    });
    const second = await within(ingestPost(req, { params: Promise.resolve({ stream: 'records' }) }), 10_000);
    expect(second).not.toBe('hung');
    if (second !== 'hung') {
      expect(second.status).toBe(409);
      expect(second.headers.get('retry-after')).toBe('1');
      expect(((await second.json()) as { error: string }).error).toContain('still being processed');
    }
    stall.error(new Error('client went away'));
    await first;
    delete process.env.INGEST_KEY_WAIT_SECONDS;
    resetEnvCache();
  });
});

describe('issue 13.5: a key counts once', () => {
  it('three copies of one key in one batch raise distinct accepted by 1 (rows as received by 3), as the items list shows', async () => {
    const before = await unitKpi();
    const res = await post('records', nd(record('DUP-1', { subjectName: '甲' }), record('DUP-1', { subjectName: '乙' }), record('DUP-1', { subjectName: '丙' })));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, rejected: 0 });
    const after = await unitKpi();
    expect(after.accepted - before.accepted).toBe(1);
    expect(after.acceptedRows - before.acceptedRows).toBe(3);
    expect(await itemsListed('DUP-1')).toBe(1);
    // Of copies received together the last one is the version kept.
    const [kept] = await queryRows(`SELECT subject_name AS name FROM records FINAL WHERE record_id = 'DUP-1'`, {}, z.object({ name: z.string() }));
    expect(kept?.name).toBe('丙');
  });

  it('a backfill resent with the receipt times it had counts its keys once', async () => {
    const before = await unitKpi();
    const body = nd(record('BF-1', { receivedAt: '2026-11-10 09:00:00' }), record('BF-2', { receivedAt: '2026-11-10 09:30:00' }));
    for (let i = 0; i < 2; i++) {
      const res = await post('records', body, { token: T.backfill });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ accepted: 2, rejected: 0 });
    }
    const after = await unitKpi();
    expect(after.accepted - before.accepted).toBe(2);
    expect(after.acceptedRows - before.acceptedRows).toBe(4);
  });
});
