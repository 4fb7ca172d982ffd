import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import { GET as batchGet } from '@/app/api/v1/ingest/batches/[batchId]/route';
import { POST as exceptionPost } from '@/app/api/v1/admin/uscc-exceptions/route';
import { createToken, revokeToken } from '@/server/auth/tokens';
import { queryRows } from '@/server/db/query';
import { makeUscc } from '@/server/domain/uscc';
import { freshDatabase } from './_db';
import { LEGAL, nd, record } from './_rows';

const T: Record<string, string> = {};
const LEGAL2 = makeUscc('91990102MA0000001');
const PERSON = '11010519491231002X'; // GB 11643 example, valid

type Opts = { token?: string; type?: string; key?: string; unit?: string };
async function post(stream: string, body: string, o: Opts = {}) {
  const req = new Request(`http://test/api/v1/ingest/${stream}${o.unit ? `?unit=${o.unit}` : ''}`, {
    method: 'POST',
    headers: {
      'content-type': o.type ?? 'application/x-ndjson',
      ...(o.token !== '' ? { authorization: `Bearer ${o.token ?? T.market}` } : {}),
      ...(o.key ? { 'idempotency-key': o.key } : {}),
    },
    body,
  });
  const res = await ingestPost(req, { params: Promise.resolve({ stream }) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> & { batchId: string; accepted: number; rejected: number; errors: Array<{ row: number; field: string; code: string; message: string }> } };
}
const count = async (sql: string, params: Record<string, unknown> = {}) =>
  (await queryRows(sql, params, z.object({ n: z.number() })))[0]?.n ?? -1;


beforeAll(async () => {
  await freshDatabase({ today: '2026-11-23' });
  T.market = (await createToken({ name: 'dc-market', unitCode: 'D990102-01', scopes: ['ingest'], createdBy: 't' })).token;
  T.tax = (await createToken({ name: 'dc-tax', unitCode: 'D990102-02', scopes: ['ingest', 'read'], createdBy: 't' })).token;
  T.court = (await createToken({ name: 'court', unitCode: 'C003', scopes: ['ingest'], createdBy: 't' })).token;
  T.readOnly = (await createToken({ name: 'ro', unitCode: 'D990102-01', scopes: ['read'], createdBy: 't' })).token;
  T.backfill = (await createToken({ name: 'bf', unitCode: 'D990102-01', scopes: ['backfill'], createdBy: 't' })).token;
  T.admin = (await createToken({ name: 'adm', unitCode: 'C001', scopes: ['admin'], createdBy: 't' })).token;
  const revoked = await createToken({ name: 'old', unitCode: 'D990102-01', scopes: ['ingest'], createdBy: 't' });
  await revokeToken(revoked.id);
  T.revoked = revoked.token;
}, 300_000);

describe('POST /api/v1/ingest/{stream}: good, bad and mixed batches', () => {
  it('NDJSON records: good rows stored under the token unit, bad rows quarantined with codes, one row never sinks the others', async () => {
    const res = await post(
      'records',
      nd(
        record('R1'),
        record('R2', { subjectType: 'natural', subjectCode: PERSON, subjectName: '张三' }),
        record('R3', { subjectCode: LEGAL.slice(0, 17) + '0' }), // wrong check character
        record('R4', { subjectName: '' }), // required
        record('R5', { catalogCode: 'NOPE', occurredOn: '2026-12-01' }), // unknown catalog + future date
        record('R6', { subjectType: 'natural', subjectCode: '110105194912310021' }), // bad ID check digit
      ) + '\n{not json}\n',
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 2, rejected: 5 });
    const codes = res.body.errors.map((e) => `${e.row}:${e.field}:${e.code}`);
    expect(codes).toEqual([
      '3:subjectCode:USCC_CHECK',
      '4:subjectName:REQUIRED',
      '5:catalogCode:UNKNOWN_CATALOG',
      '5:occurredOn:DATE_IN_FUTURE',
      '6:subjectCode:ID_CHECK',
      '7::PARSE',
    ]);
    expect(res.body.errors.every((e) => e.message.length > 5)).toBe(true);
    const stored = await queryRows(
      `SELECT record_id, unit_code, district_code, subject_code, length(subject_hash) AS h, data FROM records FINAL ORDER BY record_id`,
      {},
      z.object({ record_id: z.string(), unit_code: z.string(), district_code: z.string(), subject_code: z.string(), h: z.number(), data: z.string() }),
    );
    expect(stored).toEqual([
      { record_id: 'R1', unit_code: 'D990102-01', district_code: '990102', subject_code: LEGAL, h: 0, data: '{"capital":100}' },
      { record_id: 'R2', unit_code: 'D990102-01', district_code: '990102', subject_code: '110105********002X', h: 64, data: '{"capital":100}' },
    ]);
    // Quarantine keeps batch, row number, raw text (ID masked) and codes.
    const q = await queryRows(
      `SELECT row_no, error_codes, raw FROM rejected_rows WHERE batch_id = {b:UUID} ORDER BY row_no`,
      { b: res.body.batchId },
      z.object({ row_no: z.number(), error_codes: z.array(z.string()), raw: z.string() }),
    );
    expect(q.map((r) => [r.row_no, r.error_codes])).toEqual([
      [3, ['USCC_CHECK']],
      [4, ['REQUIRED']],
      [5, ['UNKNOWN_CATALOG', 'DATE_IN_FUTURE']],
      [6, ['ID_CHECK']],
      [7, ['PARSE']],
    ]);
    expect(q.find((r) => r.row_no === 6)?.raw).toContain('110105********0021');
    expect(q.some((r) => /\d{17}[\dX]/.test(r.raw))).toBe(false);
  });

  it('JSON array and CSV bodies go through the same validation', async () => {
    const json = await post('licenses', JSON.stringify([
      { docNo: 'XK-1', subjectType: 'legal', subjectName: '甲公司', subjectCode: LEGAL, licenseName: '食品经营许可', licenseCategory: '普通', decisionDate: '2026-11-20', validFrom: '2026-11-20', validTo: '2031-11-19' },
      { docNo: 'XK-2', subjectType: 'legal', subjectName: '乙公司', subjectCode: LEGAL2, licenseName: '食品经营许可', licenseCategory: '普通', decisionDate: '2026-11-20', validFrom: '2026-11-20', validTo: '2026-11-01' },
    ]), { type: 'application/json' });
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(json.body.errors[0]).toMatchObject({ row: 2, field: 'validTo', code: 'VALID_RANGE' });

    const csv = await post(
      'penalties',
      '\uFEFFdocNo,subjectType,subjectName,subjectCode,violationType,penaltyTypes,fineAmount,decisionDate\r\n' +
        `CF-1,legal,"丙公司,分店",${LEGAL},无证经营,警告;罚款,5000.50,2026-11-19\r\n` +
        `CF-2,legal,丁公司,${LEGAL},无证经营,罚款,-1,2026-11-19\r\n` +
        `CF-3,legal,戊公司,${LEGAL}\r\n`,
      { type: 'text/csv; charset=utf-8' },
    );
    expect(csv.status).toBe(200);
    expect(csv.body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(csv.body.errors.map((e) => e.code)).toEqual(['NEGATIVE_AMOUNT', 'PARSE']);
    const p = await queryRows(
      `SELECT subject_name, penalty_types, toString(fine_amount) AS fine FROM penalties FINAL WHERE doc_no = 'CF-1'`,
      {},
      z.object({ subject_name: z.string(), penalty_types: z.array(z.string()), fine: z.string() }),
    );
    expect(p).toEqual([{ subject_name: '丙公司,分店', penalty_types: ['警告', '罚款'], fine: '5000.5' }]);
  });

  it('decisions, sanctions and feedback: feedback only for pushes addressed to the sender', async () => {
    const reg = await post('decisions', nd({ kind: 'license', docNo: 'XK-9', decisionDate: '2026-11-18' }, { kind: 'permit', docNo: 'X', decisionDate: '2026-11-18' }));
    expect(reg.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(reg.body.errors[0]).toMatchObject({ field: 'kind', code: 'INVALID_VALUE' });

    const push = await post(
      'sanctions',
      nd(
        { caseId: 'CASE-1', kind: 'punishment', listType: '失信被执行人', subjectType: 'legal', subjectName: '甲公司', subjectCode: LEGAL, measureCode: 'M01', respondingUnit: 'D990102-01' },
        { caseId: 'CASE-1', kind: 'punishment', listType: '失信被执行人', subjectType: 'legal', subjectName: '甲公司', subjectCode: LEGAL, measureCode: 'M99', respondingUnit: 'NOPE' },
      ),
      { token: T.court },
    );
    expect(push.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(push.body.errors.map((e) => e.code).sort()).toEqual(['UNKNOWN_MEASURE', 'UNKNOWN_UNIT']);
    const stored = await queryRows(`SELECT unit_code, responding_unit, responding_district_code FROM sanctions FINAL`, {}, z.record(z.string(), z.string()));
    expect(stored).toEqual([{ unit_code: 'C003', responding_unit: 'D990102-01', responding_district_code: '990102' }]);

    // The addressed unit answers; another unit (tax) cannot answer a push that is not its own.
    const mine = await post('feedback', nd({ caseId: 'CASE-1', measureCode: 'M01', result: 'executed' }));
    expect(mine.body).toMatchObject({ accepted: 1, rejected: 0 });
    const other = await post('feedback', nd({ caseId: 'CASE-1', measureCode: 'M01', result: 'executed' }), { token: T.tax });
    expect(other.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(other.body.errors[0]).toMatchObject({ code: 'NOT_ADDRESSED', field: 'caseId' });
    // A repeated feedback is one answer (same key).
    await post('feedback', nd({ caseId: 'CASE-1', measureCode: 'M01', result: 'executed', note: '再次' }));
    expect(await count(`SELECT count() AS n FROM feedback FINAL`)).toBe(1);
  });
});

describe('idempotency, corrections and the earliest receipt', () => {
  it('the same Idempotency-Key replays the first answer without writing twice; another body with it is 409', async () => {
    const body = nd(record('K1'), record('K2'));
    const first = await post('records', body, { key: 'batch-2026-11-23-001' });
    const again = await post('records', body, { key: 'batch-2026-11-23-001' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await count(`SELECT count() AS n FROM records WHERE record_id IN ('K1', 'K2')`)).toBe(2);
    expect(await count(`SELECT count() AS n FROM ingest_batches FINAL WHERE idempotency_key = 'batch-2026-11-23-001'`)).toBe(1);
    const clash = await post('records', nd(record('K3')), { key: 'batch-2026-11-23-001' });
    expect(clash.status).toBe(409);
  });

  it('a resent batch without a key converges to one copy per key; a correction replaces the row and keeps the earliest receipt', async () => {
    await post('records', nd(record('C1'), record('C2')));
    const firstReceipt = await queryRows(`SELECT toString(first_received_at) AS f FROM records FINAL WHERE record_id = 'C1'`, {}, z.object({ f: z.string() }));
    await new Promise((r) => setTimeout(r, 20));
    await post('records', nd(record('C1', { subjectName: '更正后的名称' }), record('C2')));
    const rows = await queryRows(
      `SELECT subject_name, toString(first_received_at) AS f, received_at > first_received_at AS later FROM records FINAL WHERE record_id = 'C1'`,
      {},
      z.object({ subject_name: z.string(), f: z.string(), later: z.number() }),
    );
    expect(rows).toEqual([{ subject_name: '更正后的名称', f: firstReceipt[0]!.f, later: 1 }]);
    expect(await count(`SELECT count() AS n FROM records FINAL WHERE record_id IN ('C1', 'C2')`)).toBe(2);
    // Volume counts distinct keys once (new keys), quality counts rows as received.
    const daily = await queryRows(
      `SELECT sum(accepted_new) AS n, sum(accepted_rows) AS r FROM ingest_daily WHERE unit_code = 'D990102-01' AND stream = 'records'`,
      {},
      z.object({ n: z.number(), r: z.number() }),
    );
    // R1, R2, K1, K2, C1, C2 distinct; rows: 2 + 2 + 2 + 2 = 8.
    expect(daily[0]).toEqual({ n: 6, r: 8 });
  });

  it('receivedAt only from a backfill token; a unit cannot post for another unit', async () => {
    const notAllowed = await post('records', nd(record('B1', { receivedAt: '2026-01-05 10:00:00' })));
    expect(notAllowed.body.errors[0]).toMatchObject({ field: 'receivedAt', code: 'RECEIVED_AT_NOT_ALLOWED' });
    const backfill = await post('records', nd(record('B1', { occurredOn: '2026-01-04', receivedAt: '2026-01-05 10:00:00' })), { token: T.backfill });
    expect(backfill.body).toMatchObject({ accepted: 1 });
    const at = await queryRows(`SELECT toString(received_at) AS r FROM records FINAL WHERE record_id = 'B1'`, {}, z.object({ r: z.string() }));
    expect(at[0]?.r).toBe('2026-01-05 10:00:00.000');
    const forOther = await post('records', nd(record('O1', { unitCode: 'D990103-01' })));
    expect(forOther.body).toMatchObject({ accepted: 0, rejected: 1 });
    expect(forOther.body.errors[0]).toMatchObject({ code: 'UNIT_MISMATCH' });
    expect(await count(`SELECT count() AS n FROM records WHERE unit_code = 'D990103-01'`)).toBe(0);
  });

  it('Issue 13.1: receivedAt takes RFC 3339 with any offset or Z (converted to Asia/Shanghai) besides the local form', async () => {
    const res = await post(
      'records',
      nd(
        record('TZ1', { occurredOn: '2025-06-01', receivedAt: '2025-06-03T10:00:00+08:00' }),
        record('TZ2', { occurredOn: '2025-10-01', receivedAt: '2025-10-13T16:01:00Z' }), // 00:01 on 10-14 in Shanghai
        record('TZ3', { occurredOn: '2026-01-01', receivedAt: '2026-01-05T02:00:00.25-05:00' }),
        record('TZ4', { occurredOn: '2026-01-01', receivedAt: '2026-01-05t09:30:00.123456z' }), // lower case, microseconds
        record('TZ5', { occurredOn: '2026-01-01', receivedAt: '2026-01-05T10:00:00' }), // no offset: Shanghai time
        record('TZ6', { receivedAt: '2026-01-05T10:00:00+25:00' }),
        record('TZ7', { receivedAt: '2026-02-30T10:00:00Z' }),
        record('TZ8', { receivedAt: '2026-11-23T23:00:00+08:00' }), // later today: in the future
        record('TZ9', { receivedAt: '1969-12-31T15:59:59Z' }), // 23:59:59 on 1969-12-31 in Shanghai: before a receipt day can be
      ),
      { token: T.backfill },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 5, rejected: 4 });
    expect(res.body.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '6:receivedAt:INVALID_DATETIME',
      '7:receivedAt:INVALID_DATETIME',
      '8:receivedAt:DATE_IN_FUTURE',
      '9:receivedAt:INVALID_DATETIME',
    ]);
    const at = await queryRows(
      `SELECT record_id AS id, toString(received_at) AS r, toString(toDate(received_at)) AS d FROM records FINAL WHERE record_id LIKE 'TZ%' ORDER BY id`,
      {},
      z.object({ id: z.string(), r: z.string(), d: z.string() }),
    );
    expect(at).toEqual([
      { id: 'TZ1', r: '2025-06-03 10:00:00.000', d: '2025-06-03' },
      { id: 'TZ2', r: '2025-10-14 00:01:00.000', d: '2025-10-14' },
      { id: 'TZ3', r: '2026-01-05 15:00:00.250', d: '2026-01-05' },
      { id: 'TZ4', r: '2026-01-05 17:30:00.123', d: '2026-01-05' },
      { id: 'TZ5', r: '2026-01-05 10:00:00.000', d: '2026-01-05' },
    ]);
  });

  it('an admin-registered genuine USCC that fails the check character is accepted', async () => {
    const odd = LEGAL.slice(0, 17) + (LEGAL.endsWith('3') ? '4' : '3');
    expect((await post('records', nd(record('U1', { subjectCode: odd })))).body.rejected).toBe(1);
    const reg = await exceptionPost(new Request('http://test/api/v1/admin/uscc-exceptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${T.admin}` },
      body: JSON.stringify({ code: odd, note: '经市场监管部门核实为有效代码' }),
    }));
    expect(reg.status).toBe(201);
    expect((await post('records', nd(record('U1', { subjectCode: odd })))).body).toMatchObject({ accepted: 1, rejected: 0 });
  });
});

describe('request-level errors write nothing and say what to fix', () => {
  it('malformed bodies are 400 and leave no trace', async () => {
    const before = await count(`SELECT count() AS n FROM records`);
    const beforeRejected = await count(`SELECT count() AS n FROM rejected_rows`);
    const cut = await post('records', `[${JSON.stringify(record('M1'))}, ${JSON.stringify(record('M2'))}`, { type: 'application/json' });
    expect(cut.status).toBe(400);
    expect(cut.body.error).toContain('not closed');
    const notArray = await post('records', JSON.stringify(record('M3')), { type: 'application/json' });
    expect(notArray.status).toBe(400);
    const header = await post('records', 'foo,bar\n1,2\n', { type: 'text/csv' });
    expect(header.status).toBe(400);
    expect(header.body.error).toContain('header');
    const type = await post('records', nd(record('M4')), { type: 'application/xml' });
    expect(type.status).toBe(400);
    expect(type.body.error).toContain('text/csv');
    const latin1 = new Request('http://test/api/v1/ingest/records', {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${T.market}` },
      body: new Uint8Array([0x72, 0x65, 0x63, 0x6f, 0x72, 0x64, 0x49, 0x64, 0x0a, 0xc4, 0xe3, 0xba, 0xc3, 0x0a]),
    });
    const enc = await ingestPost(latin1, { params: Promise.resolve({ stream: 'records' }) });
    expect(enc.status).toBe(400);
    expect((await enc.json()).error).toContain('UTF-8');
    expect(await count(`SELECT count() AS n FROM records`)).toBe(before);
    expect(await count(`SELECT count() AS n FROM rejected_rows`)).toBe(beforeRejected);
  });

  it('404 unknown stream, 401 no or revoked token, 403 wrong scope, 413 too many rows', async () => {
    expect((await post('nothing', nd(record('X')))).status).toBe(404);
    expect((await post('records', nd(record('X')), { token: '' })).status).toBe(401);
    expect((await post('records', nd(record('X')), { token: T.revoked })).status).toBe(401);
    const ro = await post('records', nd(record('X')), { token: T.readOnly });
    expect(ro.status).toBe(403);
    expect(ro.body.error).toContain('ingest');
    const before = await count(`SELECT count() AS n FROM records`);
    const line = JSON.stringify({ recordId: 'x' });
    const huge = await post('records', Array.from({ length: 200_001 }, () => line).join('\n'));
    expect(huge.status).toBe(413);
    expect(huge.body.error).toContain('200,000');
    expect(await count(`SELECT count() AS n FROM records`)).toBe(before);
    expect(await count(`SELECT count() AS n FROM rejected_rows WHERE row_no > 100000`)).toBe(0);
  });
});

describe('GET /api/v1/ingest/batches/{batchId}', () => {
  it('gives the counts and every row error to its unit, and 404 to another unit', async () => {
    const res = await post('records', nd(record('G1'), record('G2', { subjectName: '' }), record('G3', { catalogCode: '' })));
    const get = (token: string) =>
      batchGet(new Request(`http://test/api/v1/ingest/batches/${res.body.batchId}`, { headers: { authorization: `Bearer ${token}` } }), {
        params: Promise.resolve({ batchId: res.body.batchId }),
      });
    const own = await get(T.market!);
    expect(own.status).toBe(200);
    const detail = await own.json();
    expect(detail).toMatchObject({ stream: 'records', unitCode: 'D990102-01', rowsTotal: 3, accepted: 1, rejected: 2 });
    expect(detail.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual(['2:REQUIRED', '3:REQUIRED']);
    expect((await get(T.court!)).status).toBe(404);
  });
});

describe('Issue 13.2: a date in a body is kept exactly or refused, never changed', () => {
  const license = (docNo: string, extra: Record<string, unknown> = {}) => ({
    docNo, subjectType: 'legal', subjectName: '甲公司', subjectCode: LEGAL, licenseName: '食品经营许可', licenseCategory: '普通',
    decisionDate: '2026-11-20', validFrom: '2026-11-20', ...extra,
  });
  const penalty = (docNo: string, extra: Record<string, unknown> = {}) => ({
    docNo, subjectType: 'legal', subjectName: '甲公司', subjectCode: LEGAL, violationType: '无证经营', penaltyTypes: ['警告'],
    decisionDate: '2026-11-19', ...extra,
  });
  const codes = (body: { errors: Array<{ row: number; field: string; code: string }> }) => body.errors.map((e) => `${e.row}:${e.field}:${e.code}`);

  it('occurredOn before 1970 (an old enterprise registered in the 1950s) is stored as sent; impossible or out-of-range dates are refused', async () => {
    const res = await post(
      'records',
      nd(
        record('D1', { occurredOn: '1956-03-01' }),
        record('D2', { occurredOn: '1969-12-31' }),
        record('D3', { occurredOn: '1900-01-01' }),
        record('D4', { occurredOn: '1000-01-01' }),
        record('D5', { occurredOn: '1899-12-31' }),
        record('D6', { occurredOn: '2026-02-31' }),
        record('D7', { occurredOn: '0000-00-00' }),
      ),
    );
    expect(res.body).toMatchObject({ accepted: 3, rejected: 4 });
    expect(codes(res.body)).toEqual(['4:occurredOn:DATE_OUT_OF_RANGE', '5:occurredOn:DATE_OUT_OF_RANGE', '6:occurredOn:INVALID_DATE', '7:occurredOn:INVALID_DATE']);
    expect(res.body.errors[0]!.message).toContain('1900-01-01');
    const stored = await queryRows(
      `SELECT record_id AS id, toString(occurred_on) AS d FROM records FINAL WHERE record_id IN ('D1', 'D2', 'D3') ORDER BY id`,
      {},
      z.object({ id: z.string(), d: z.string() }),
    );
    expect(stored).toEqual([{ id: 'D1', d: '1956-03-01' }, { id: 'D2', d: '1969-12-31' }, { id: 'D3', d: '1900-01-01' }]);
  });

  it('decision dates before 1970 are refused (a Date column would store 1970-01-01); validity beyond 2299 or the 9999-12-31 "no end" idiom is refused', async () => {
    const pen = await post('penalties', nd(penalty('CF-D1', { decisionDate: '1969-12-31' }), penalty('CF-D2', { decisionDate: '1000-01-01' }), penalty('CF-D3', { decisionDate: '1970-01-01' })));
    expect(pen.body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(codes(pen.body)).toEqual(['1:decisionDate:DATE_OUT_OF_RANGE', '2:decisionDate:DATE_OUT_OF_RANGE']);
    const reg = await post('decisions', nd({ kind: 'license', docNo: 'XK-D0', decisionDate: '1969-12-31' }));
    expect(codes(reg.body)).toEqual(['1:decisionDate:DATE_OUT_OF_RANGE']);

    const lic = await post(
      'licenses',
      nd(
        license('XK-D1', { validTo: '9999-12-31' }),
        license('XK-D2', { validFrom: '9999-12-31' }),
        license('XK-D3', { validFrom: '1958-06-01', validTo: '2200-01-01' }),
        license('XK-D4', { validTo: '2026-04-31' }),
        license('XK-D5', { decisionDate: '1969-12-31' }),
        license('XK-D6'), // no validTo: valid without end
      ),
    );
    expect(lic.body).toMatchObject({ accepted: 2, rejected: 4 });
    expect(codes(lic.body)).toEqual(['1:validTo:DATE_OUT_OF_RANGE', '2:validFrom:DATE_OUT_OF_RANGE', '4:validTo:INVALID_DATE', '5:decisionDate:DATE_OUT_OF_RANGE']);
    expect(lic.body.errors[0]!.message).toContain('不填 validTo');
    const stored = await queryRows(
      `SELECT doc_no AS doc, toString(valid_from) AS f, toString(valid_to) AS t, toString(decision_date) AS d FROM licenses FINAL WHERE doc_no IN ('XK-D3', 'XK-D6') ORDER BY doc`,
      {},
      z.object({ doc: z.string(), f: z.string(), t: z.string().nullable(), d: z.string() }),
    );
    expect(stored).toEqual([
      { doc: 'XK-D3', f: '1958-06-01', t: '2200-01-01', d: '2026-11-20' },
      { doc: 'XK-D6', f: '2026-11-20', t: null, d: '2026-11-20' },
    ]);
    const decision = await queryRows(`SELECT toString(decision_date) AS d FROM penalties FINAL WHERE doc_no = 'CF-D3'`, {}, z.object({ d: z.string() }));
    expect(decision).toEqual([{ d: '1970-01-01' }]);
  });
});

describe('Issue 13.7: one bad value never sinks a batch', () => {
  const penalty = (docNo: string, fineAmount: unknown) => ({
    docNo, subjectType: 'legal', subjectName: '甲公司', subjectCode: LEGAL, violationType: '无证经营', penaltyTypes: ['罚款'],
    decisionDate: '2026-11-19', fineAmount,
  });
  const deep = (levels: number) => JSON.parse('{"a":'.repeat(levels - 1) + '{}' + '}'.repeat(levels - 1)) as unknown;

  it('fineAmount beyond Decimal(18, 2) is a row error; the good rows of the batch are stored', async () => {
    const res = await post(
      'penalties',
      nd(
        penalty('CF-N1', '99999999999999999999'),
        penalty('CF-N2', '9999999999999999.99'),
        penalty('CF-N3', '00000000000000000012.50'),
        penalty('CF-N4', 12345678901234567890), // a JSON number JSON.parse already rounded
        penalty('CF-N5', 1e21),
        penalty('CF-N6', 1234.5),
        penalty('CF-N7', '12.345'),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, rejected: 4 });
    expect(res.body.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '1:fineAmount:OUT_OF_RANGE',
      '4:fineAmount:INVALID_TYPE',
      '5:fineAmount:INVALID_TYPE',
      '7:fineAmount:INVALID_NUMBER',
    ]);
    const fines = await queryRows(
      `SELECT doc_no AS doc, toString(fine_amount) AS fine FROM penalties FINAL WHERE doc_no LIKE 'CF-N%' ORDER BY doc`,
      {},
      z.object({ doc: z.string(), fine: z.string() }),
    );
    expect(fines).toEqual([
      { doc: 'CF-N2', fine: '9999999999999999.99' },
      { doc: 'CF-N3', fine: '12.5' },
      { doc: 'CF-N6', fine: '1234.5' },
    ]);
  });

  it('records.data nested 20,000 levels deep is a row error in every body format, not a 500; depth and size are bounded', async () => {
    const nest = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);
    const ndjson = await post('records', `${JSON.stringify(record('J1'))}\n{"recordId":"J2","catalogCode":"QYDJ","subjectType":"legal","subjectName":"x","subjectCode":"${LEGAL}","occurredOn":"2026-11-02","data":${nest}}\n`);
    expect(ndjson.status).toBe(200);
    expect(ndjson.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(ndjson.body.errors[0]).toMatchObject({ row: 2, field: 'data', code: 'TOO_DEEP' });

    const array = await post('records', `[${JSON.stringify(record('J3'))},{"recordId":"J4","data":${nest},"unitCode":${'['.repeat(20_000)}${']'.repeat(20_000)}}]`, { type: 'application/json' });
    expect(array.status).toBe(200);
    expect(array.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(array.body.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['TOO_DEEP', 'UNIT_MISMATCH']));

    const csvNest = nest.replaceAll('"', '""');
    const csv = await post('records', `recordId,catalogCode,subjectType,subjectName,subjectCode,occurredOn,data\nJ5,QYDJ,legal,x,${LEGAL},2026-11-02,"${csvNest}"\nJ6,QYDJ,legal,x,${LEGAL},2026-11-02,"{""a"":1}"\n`, { type: 'text/csv' });
    expect(csv.status).toBe(200);
    expect(csv.body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(csv.body.errors[0]).toMatchObject({ row: 1, field: 'data', code: 'TOO_DEEP' });

    const bounds = await post(
      'records',
      nd(record('J7', { data: deep(32) }), record('J8', { data: deep(33) }), record('J9', { data: { text: 'x'.repeat(20_001) } })),
    );
    expect(bounds.body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(bounds.body.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual(['2:data:TOO_DEEP', '3:data:TOO_LONG']);
    expect(await count(`SELECT count() AS n FROM records FINAL WHERE record_id IN ('J1', 'J3', 'J6', 'J7')`)).toBe(4);
  });
});
