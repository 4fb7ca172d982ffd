/**
 * 归集 dashboard figures on a small hand-built dataset, each expected number computed by hand in the comments.
 *
 * 东城区 (990102):
 *   A = D990102-05 东城区生态环境分局 (ecology: YZSX daily; XYXF, XZQZ weekly; XZJC monthly; HJXY quarterly; XK, CF)
 *   B = D990102-08 东城区公安分局 (public_security: XZQR, XZQZ weekly; XK, CF)
 * 西湖区 (990103):
 *   C = D990103-08 西湖区公安分局
 *
 * Accepted rows (receipt time):
 *   A  records XZQZ R-A0 2025-12-31 (last year)            B  records XZQR R-B0 2026-01-05
 *   A  licenses     L-A2 2026-03-02                        B  records XZQR R-B1, R-B2 2026-10-08
 *   A  records XZQZ R-A1, R-A2 2026-10-09                  B  penalties    P-B1 2026-10-10 (调休 Saturday, a working day)
 *   A  records XZQZ R-A3 2026-10-12, licenses L-A1 10-12   B  records XZQR R-B3 2026-10-15
 *   A  records XYXF R-A4 2026-10-14                        C  records XZQR R-C1 2026-10-19
 *   A  records XZQZ R-A1 resent 2026-10-20 (a correction: same key, first receipt stays 10-09)
 *   A  penalties    P-A1 2026-10-30
 * Rejected rows:
 *   A  2 records (JSON, catalogCode XZQZ) 2026-10-09: [USCC_CHECK] and [USCC_CHECK, REQUIRED]
 *   A  1 licence 2026-10-12 [REQUIRED];  A 1 record sent as a CSV line 2026-10-13 [REQUIRED] (catalog unreadable)
 *   B  1 penalty 2026-10-10 [DATE_IN_FUTURE];  C 1 record XZQR 2026-10-19 [ID_CHECK]
 * Targets 2026 (replacing the reference ones): A 8 (binding), B 100 (expected), 东城区 200, 西湖区 1.
 * Calendar 2026 (chinese-days): 248 working days; 204 up to 2026-10-31; 18 in October (10-01..07 National Day,
 * 10-10 a working Saturday).
 */
import { recordDataChange } from '@/server/db/dataVersions';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as kpiGet } from '@/app/api/v1/kpi/ingestion/route';
import { GET as itemsGet } from '@/app/api/v1/items/ingestion/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { insertRows } from '@/server/db/query';
import { storeRows, type StoredRow } from '@/server/ingest/store';
import { acceptedItems } from '@/server/metrics/ingestion/acceptedItems';
import { resolveFilters } from '@/server/metrics/ingestion/filters';
import { ingestionKpi } from '@/server/metrics/ingestion/kpi';
import { missingWindows, submissionsByUnit } from '@/server/metrics/ingestion/missing';
import { rejectedByErrorCode } from '@/server/metrics/ingestion/quality';
import { rejectedItems, rejectedItemsInput } from '@/server/metrics/ingestion/rejectedItems';
import { volumeHeatmap, volumeSeries } from '@/server/metrics/ingestion/volume';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { annualTargets } from '@/seeds/reference';
import { freshDatabase } from './_db';

const A = 'D990102-05';
const B = 'D990102-08';
const C = 'D990103-08';
const DC = '990102';
const XH = '990103';
const batchOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const record = (unit: string, district: string, catalog: string, id: string, at: string, batch = 1): StoredRow => ({
  district_code: district,
  unit_code: unit,
  catalog_code: catalog,
  record_id: id,
  subject_type: 'legal',
  subject_name: '示范市测试有限公司',
  subject_code: '91350100M000100Y43',
  subject_hash: '',
  occurred_on: at.slice(0, 10),
  data: '{}',
  batch_id: batchOf(batch),
  row_no: 1,
  received_at: `${at}.000`,
});
const license = (unit: string, district: string, docNo: string, at: string, batch = 2): StoredRow => ({
  district_code: district,
  unit_code: unit,
  doc_no: docNo,
  subject_type: 'legal',
  subject_name: '示范市测试有限公司',
  subject_code: '91350100M000100Y43',
  subject_hash: '',
  license_name: '排污许可',
  license_category: '普通',
  decision_date: at.slice(0, 10),
  valid_from: at.slice(0, 10),
  valid_to: null,
  content: '',
  batch_id: batchOf(batch),
  row_no: 1,
  received_at: `${at}.000`,
});
const penalty = (unit: string, district: string, docNo: string, at: string, batch = 3): StoredRow => ({
  district_code: district,
  unit_code: unit,
  doc_no: docNo,
  subject_type: 'legal',
  subject_name: '示范市测试有限公司',
  subject_code: '91350100M000100Y43',
  subject_hash: '',
  violation_type: '超标排放污染物',
  penalty_types: ['罚款'],
  fine_amount: '1000.00',
  decision_date: at.slice(0, 10),
  basis: '',
  content: '',
  batch_id: batchOf(batch),
  row_no: 1,
  received_at: `${at}.000`,
});
const rejected = (unit: string, district: string, stream: string, raw: string, codes: string[], at: string, row: number) => ({
  batch_id: batchOf(90 + row),
  stream,
  unit_code: unit,
  district_code: district,
  row_no: row,
  raw,
  error_codes: codes,
  errors: '[]',
  received_at: `${at}.000`,
});
const batch = (n: number, unit: string, district: string, stream: string, at: string) => ({
  batch_id: batchOf(n),
  stream,
  unit_code: unit,
  district_code: district,
  token_id: '',
  idempotency_key: '',
  content_type: 'application/json',
  received_at: `${at}.000`,
  rows_total: 1,
  accepted: 1,
  rejected: 0,
  status: 'stored',
  response: '',
  finished_at: `${at}.000`,
});

const OCT = { from: '2026-10-01', to: '2026-10-31', asOf: '2026-11-23' };
const all = { kind: 'all' } as const;
const createCaller = createCallerFactory(appRouter);
const person = (role: Principal['role'], districtCode = '', unitCode = ''): Principal => ({
  kind: 'user',
  id: '00000000-0000-4000-8000-0000000000f1',
  name: `${role}@test`,
  role,
  districtCode,
  unitCode,
  tokenScopes: [],
});
const callerAs = (p: Principal) => createCaller({ requestId: 'test', ip: '127.0.0.1', principal: p });
const tokens: Record<string, string> = {};
const get = (path: string, token: string) => new Request(`http://test${path}`, { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  await freshDatabase({ today: '2026-11-23' });
  await storeRows(
    'records',
    [
      record(A, DC, 'XZQZ', 'R-A0', '2025-12-31 10:00:00'),
      record(A, DC, 'XZQZ', 'R-A1', '2026-10-09 10:00:00'),
      record(A, DC, 'XZQZ', 'R-A2', '2026-10-09 11:00:00'),
      record(A, DC, 'XZQZ', 'R-A3', '2026-10-12 09:00:00'),
      record(A, DC, 'XYXF', 'R-A4', '2026-10-14 09:00:00'),
      record(B, DC, 'XZQR', 'R-B0', '2026-01-05 09:00:00'),
      record(B, DC, 'XZQR', 'R-B1', '2026-10-08 09:00:00'),
      record(B, DC, 'XZQR', 'R-B2', '2026-10-08 09:00:01'),
      record(B, DC, 'XZQR', 'R-B3', '2026-10-15 09:00:00'),
      record(C, XH, 'XZQR', 'R-C1', '2026-10-19 09:00:00'),
    ],
    { firstReceipts: 'lookup' },
  );
  // The correction: same key, later receipt; first_received_at stays 2026-10-09 10:00.
  await storeRows('records', [record(A, DC, 'XZQZ', 'R-A1', '2026-10-20 09:00:00', 4)], { firstReceipts: 'lookup' });
  await storeRows('licenses', [license(A, DC, 'L-A2', '2026-03-02 09:00:00'), license(A, DC, 'L-A1', '2026-10-12 10:00:00')], {
    firstReceipts: 'lookup',
  });
  await storeRows('penalties', [penalty(A, DC, 'P-A1', '2026-10-30 16:00:00'), penalty(B, DC, 'P-B1', '2026-10-10 10:00:00')], {
    firstReceipts: 'lookup',
  });
  await insertRows('rejected_rows', [
    rejected(A, DC, 'records', '{"recordId":"X1","catalogCode":"XZQZ"}', ['USCC_CHECK'], '2026-10-09 10:00:01', 1),
    rejected(A, DC, 'records', '{"recordId":"X2","catalogCode":"XZQZ"}', ['USCC_CHECK', 'REQUIRED'], '2026-10-09 10:00:02', 2),
    rejected(A, DC, 'licenses', '{"docNo":"L-X"}', ['REQUIRED'], '2026-10-12 10:00:01', 3),
    rejected(A, DC, 'records', 'X3,XZQZ,legal,,', ['REQUIRED'], '2026-10-13 10:00:00', 4),
    rejected(B, DC, 'penalties', '{"docNo":"P-X"}', ['DATE_IN_FUTURE'], '2026-10-10 10:00:01', 5),
    rejected(C, XH, 'records', '{"recordId":"X6","catalogCode":"XZQR"}', ['ID_CHECK'], '2026-10-19 09:00:01', 6),
  ]);
  const future = '2030-01-01 00:00:00.000';
  await insertRows('targets', [
    { year: 2026, level: 'unit', code: A, kpi: 'ingestion_records', target: 8, binding: true, updated_at: future },
    { year: 2026, level: 'unit', code: B, kpi: 'ingestion_records', target: 100, binding: false, updated_at: future },
    { year: 2026, level: 'district', code: DC, kpi: 'ingestion_records', target: 200, binding: false, updated_at: future },
    { year: 2026, level: 'district', code: XH, kpi: 'ingestion_records', target: 1, binding: false, updated_at: future },
  ]);
  await recordDataChange(['reference']); // targets changed outside the reference loader, as an admin's edit would
  // Batches, for "the last time each unit sent anything" (the one after asOf must not count).
  await insertRows('ingest_batches', [
    batch(11, A, DC, 'records', '2026-10-20 09:00:00'),
    batch(12, A, DC, 'penalties', '2026-10-30 16:00:00'),
    batch(13, A, DC, 'records', '2026-11-24 09:00:00'),
    batch(14, B, DC, 'records', '2026-10-15 09:00:00'),
  ]);
  tokens.admin = (await createToken({ name: 'adm', unitCode: 'C001', scopes: ['admin'], createdBy: 't' })).token;
  tokens.xihu = (await createToken({ name: 'xh', unitCode: 'D990103-01', scopes: ['read'], createdBy: 't' })).token;
  tokens.unitA = (await createToken({ name: 'a', unitCode: A, scopes: ['read'], createdBy: 't' })).token;
}, 300_000);

describe('KPI (volume, quality, targets)', () => {
  it('per unit of 东城区 in October: distinct keys, rows as received, quality, targets and projection', async () => {
    const k = await ingestionKpi(resolveFilters({ ...OCT, district: DC }), 'unit');
    // Every unit of the district is listed (10), zeros included.
    expect(k.rows).toHaveLength(10);
    expect(k.targetBasis).toMatchObject({ year: 2026, refDate: '2026-10-31', workdaysElapsed: 204, workdaysInYear: 248 });
    const a = k.rows.find((r) => r.key === A)!;
    // A: distinct keys first received in October: R-A1, R-A2, R-A3, R-A4, L-A1, P-A1 = 6 (the resend is not new);
    // rows as received: those 6 + the resend = 7; rejected 2 + 1 + 1 = 4; quality 7 / 11.
    // Year to date (2026-01-01..10-31): L-A2 + 6 = 7 (R-A0 is 2025); completion 7 / 8; projection 7 × 248 / 204.
    expect(a).toMatchObject({ name: '东城区生态环境分局', accepted: 6, acceptedRows: 7, rejectedRows: 4, target: 8, binding: true });
    expect(a.qualityRate).toBeCloseTo(7 / 11, 12);
    expect(a.ytdAccepted).toBe(7);
    expect(a.targetCompletion).toBeCloseTo(0.875, 12);
    expect(a.projection).toBeCloseTo((7 * 248) / 204, 9); // 8.5098 ≥ 8
    expect(a.onTrack).toBe(true);
    const b = k.rows.find((r) => r.key === B)!;
    // B: R-B1, R-B2, R-B3, P-B1 = 4 distinct = 4 rows; 1 rejected → 4 / 5. YTD R-B0 + 4 = 5 of 100.
    expect(b).toMatchObject({ accepted: 4, acceptedRows: 4, rejectedRows: 1, qualityRate: 0.8, target: 100, binding: false, ytdAccepted: 5 });
    expect(b.targetCompletion).toBeCloseTo(0.05, 12);
    expect(b.projection).toBeCloseTo((5 * 248) / 204, 9); // 6.08 < 100
    expect(b.onTrack).toBe(false);
    // A unit with nothing: quality undefined (null, never 0%), projection 0.
    const quiet = k.rows.find((r) => r.key === 'D990102-01')!;
    expect(quiet).toMatchObject({ accepted: 0, acceptedRows: 0, rejectedRows: 0, qualityRate: null, projection: 0, onTrack: false });
    // Total = the district: 10 distinct, 11 rows, 5 rejected; target = the district's 200, YTD 12.
    expect(k.total).toMatchObject({ accepted: 10, acceptedRows: 11, rejectedRows: 5, qualityRate: 11 / 16, target: 200, ytdAccepted: 12 });
    expect(k.total.targetCompletion).toBeCloseTo(12 / 200, 12);
    expect(k.total.projection).toBeCloseTo((12 * 248) / 204, 9);
    expect(k.total.onTrack).toBe(false);
  });

  it('per district over the city: the total target is the sum of the district targets', async () => {
    const k = await ingestionKpi(resolveFilters(OCT), 'district');
    expect(k.rows).toHaveLength(17);
    expect(k.rows.find((r) => r.key === DC)).toMatchObject({ accepted: 10, acceptedRows: 11, rejectedRows: 5, qualityRate: 0.6875, target: 200, ytdAccepted: 12 });
    // 西湖区: R-C1 and its one rejected row; YTD 1 against a target of 1: projection 248/204 ≥ 1.
    const xh = k.rows.find((r) => r.key === XH)!;
    expect(xh).toMatchObject({ accepted: 1, acceptedRows: 1, rejectedRows: 1, qualityRate: 0.5, target: 1, targetCompletion: 1, onTrack: true });
    const referenceDistrictTargets = annualTargets([2026])
      .filter((t) => t.level === 'district' && t.kpi === 'ingestion_records')
      .reduce((s, t) => s + (t.code === DC ? 200 : t.code === XH ? 1 : t.target), 0);
    expect(k.total).toMatchObject({ accepted: 11, acceptedRows: 12, rejectedRows: 6, target: referenceDistrictTargets, ytdAccepted: 13 });
    expect(k.total.qualityRate).toBeCloseTo(12 / 18, 12);
  });

  it('per catalog item: rejected rows follow their catalog item; an unreadable one is listed apart', async () => {
    const k = await ingestionKpi(resolveFilters({ ...OCT, district: DC }), 'catalog');
    const by = Object.fromEntries(k.rows.map((r) => [r.key, [r.accepted, r.acceptedRows, r.rejectedRows]]));
    // XZQZ: R-A1..R-A3 = 3 distinct, 4 rows (resend), 2 rejected JSON rows; XYXF 1; XZQR: R-B1..B3;
    // XK: L-A1 and its rejected licence; CF: P-A1, P-B1 and B's rejected penalty; '' the CSV line.
    expect(by).toMatchObject({ XZQZ: [3, 4, 2], XYXF: [1, 1, 0], XZQR: [3, 3, 0], XK: [1, 1, 1], CF: [2, 2, 1], '': [0, 0, 1] });
    expect(k.rows.find((r) => r.key === '')!.name).toBe('（未识别）');
    // No per-catalog targets; the total still carries the district's.
    expect(k.rows.every((r) => r.target === null && r.projection === null && r.onTrack === null)).toBe(true);
    expect(k.total).toMatchObject({ accepted: 10, rejectedRows: 5, target: 200 });
  });

  it('per month for one unit, and no targets under a catalog filter', async () => {
    const k = await ingestionKpi(resolveFilters({ from: '2026-01-01', to: '2026-10-31', asOf: '2026-11-23', unit: A }), 'month');
    expect(k.rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(k.rows.map((r) => r.accepted)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 6]);
    expect(k.total).toMatchObject({ accepted: 7, target: 8, ytdAccepted: 7, onTrack: true });
    const xzqz = await ingestionKpi(resolveFilters({ ...OCT, unit: A, catalog: 'XZQZ' }), 'unit');
    expect(xzqz.rows).toHaveLength(1);
    expect(xzqz.rows[0]).toMatchObject({ accepted: 3, acceptedRows: 4, rejectedRows: 2, target: null, targetCompletion: null, onTrack: null });
    expect(xzqz.total.target).toBeNull();
  });

  it('a target year that is still running uses asOf: year to date up to asOf', async () => {
    // to after asOf: the reference date is asOf (2026-11-23, 220 working days elapsed); A's YTD is still 7.
    const k = await ingestionKpi(resolveFilters({ from: '2026-01-01', to: '2026-12-31', asOf: '2026-11-23', unit: A }), 'unit');
    expect(k.targetBasis).toMatchObject({ refDate: '2026-11-23', workdaysElapsed: 220, workdaysInYear: 248 });
    expect(k.rows[0]!.projection).toBeCloseTo((7 * 248) / 220, 9); // 7.89 < 8
    expect(k.rows[0]!.onTrack).toBe(false);
  });

  it('GET /api/v1/kpi/ingestion answers exactly the design.md §6 shape with the same numbers', async () => {
    const res = await kpiGet(get(`/api/v1/kpi/ingestion?from=2026-10-01&to=2026-10-31&asOf=2026-11-23&groupBy=unit&district=${DC}`, tokens.xihu!));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['asOf', 'from', 'groupBy', 'rows', 'to', 'total']);
    expect(body).toMatchObject({ from: '2026-10-01', to: '2026-10-31', asOf: '2026-11-23', groupBy: 'unit' });
    const fields = ['accepted', 'acceptedRows', 'key', 'name', 'onTrack', 'projection', 'qualityRate', 'rejectedRows', 'target', 'targetCompletion'];
    expect(Object.keys(body.rows[0]).sort()).toEqual(fields);
    expect(Object.keys(body.total).sort()).toEqual(fields);
    // KPIs are city-wide for every caller: a 西湖区 token reads 东城区's figures.
    expect(body.rows.find((r: { key: string }) => r.key === A)).toMatchObject({ accepted: 6, acceptedRows: 7, rejectedRows: 4, target: 8, onTrack: true });
    expect(body.total).toMatchObject({ key: 'total', accepted: 10, acceptedRows: 11, rejectedRows: 5, target: 200 });
    const month = await (await kpiGet(get('/api/v1/kpi/ingestion?from=2026-09-01&to=2026-10-31&groupBy=month', tokens.admin!))).json();
    expect(month.rows.map((r: { key: string; accepted: number }) => [r.key, r.accepted])).toEqual([['2026-09', 0], ['2026-10', 11]]);
    expect((await kpiGet(get('/api/v1/kpi/ingestion?groupBy=week', tokens.admin!))).status).toBe(400);
    expect((await kpiGet(get('/api/v1/kpi/ingestion?from=2026-10-31&to=2026-10-01', tokens.admin!))).status).toBe(400);
    expect((await kpiGet(get('/api/v1/kpi/ingestion?from=2026-02-30', tokens.admin!))).status).toBe(400);
    expect((await kpiGet(new Request('http://test/api/v1/kpi/ingestion'))).status).toBe(401);
  });
});

describe('volume over time and by unit × catalog item', () => {
  it('weeks of October for 东城区: clipped first and last weeks, zeros kept, by first receipt', async () => {
    const v = await volumeSeries(resolveFilters({ ...OCT, district: DC }), 'week');
    expect(v.points.map((p) => [p.key, p.from, p.to, p.partial, p.records, p.licenses, p.penalties])).toEqual([
      ['2026-09-28', '2026-10-01', '2026-10-04', true, 0, 0, 0],
      // 10-08 R-B1, R-B2; 10-09 R-A1, R-A2; 10-10 P-B1
      ['2026-10-05', '2026-10-05', '2026-10-11', false, 4, 0, 1],
      // 10-12 R-A3, L-A1; 10-14 R-A4; 10-15 R-B3
      ['2026-10-12', '2026-10-12', '2026-10-18', false, 3, 1, 0],
      // 10-20 only the resend of R-A1: not a new key
      ['2026-10-19', '2026-10-19', '2026-10-25', false, 0, 0, 0],
      ['2026-10-26', '2026-10-26', '2026-10-31', true, 0, 0, 1],
    ]);
    const days = await volumeSeries(resolveFilters({ ...OCT, district: DC }), 'day');
    expect(days.points).toHaveLength(31);
    expect(days.points.filter((p) => p.accepted > 0).map((p) => [p.key, p.accepted])).toEqual([
      ['2026-10-08', 2],
      ['2026-10-09', 2],
      ['2026-10-10', 1],
      ['2026-10-12', 2],
      ['2026-10-14', 1],
      ['2026-10-15', 1],
      ['2026-10-30', 1],
    ]);
    const months = await volumeSeries(resolveFilters({ from: '2026-01-01', to: '2026-10-31', asOf: '2026-11-23', catalog: 'XK' }), 'month');
    expect(months.points.filter((p) => p.accepted > 0).map((p) => [p.key, p.licenses])).toEqual([['2026-03-01', 1], ['2026-10-01', 1]]);
  });

  it('every bar drills to exactly its items: the accepted items of a week are the keys counted in it', async () => {
    const week = await acceptedItems(all, resolveFilters({ from: '2026-10-12', to: '2026-10-18', asOf: '2026-11-23', district: DC }), { limit: 100 });
    expect(week.items.map((i) => `${i.stream}:${i.key}`).sort()).toEqual(['licenses:L-A1', 'records:R-A3', 'records:R-A4', 'records:R-B3']);
    // The October drill of 东城区 lists the 10 distinct keys once each, the corrected one with both receipt times.
    const oct = await acceptedItems(all, resolveFilters({ ...OCT, district: DC }), { limit: 100 });
    expect(oct.items).toHaveLength(10);
    const r1 = oct.items.find((i) => i.key === 'R-A1')!;
    expect(r1).toMatchObject({ firstReceivedAt: '2026-10-09 10:00:00.000', receivedAt: '2026-10-20 09:00:00.000', catalogCode: 'XZQZ', unitName: '东城区生态环境分局' });
    // Newest first, paged without loss or repetition.
    const p1 = await acceptedItems(all, resolveFilters({ ...OCT, district: DC }), { limit: 4 });
    const p2 = await acceptedItems(all, resolveFilters({ ...OCT, district: DC }), { limit: 4, cursor: p1.nextCursor! });
    const p3 = await acceptedItems(all, resolveFilters({ ...OCT, district: DC }), { limit: 4, cursor: p2.nextCursor! });
    expect(p3.nextCursor).toBeNull();
    expect([...p1.items, ...p2.items, ...p3.items].map((i) => i.key)).toEqual(oct.items.map((i) => i.key));
    expect(oct.items[0]!.key).toBe('P-A1');
    // Stream filter (a bar segment): penalties only.
    const cf = await acceptedItems(all, resolveFilters({ ...OCT, district: DC }), { stream: 'penalties', limit: 100 });
    expect(cf.items.map((i) => i.key).sort()).toEqual(['P-A1', 'P-B1']);
  });

  it('heatmap unit × catalog item: sent items with their volume, expected items with 0, units by volume', async () => {
    const h = await volumeHeatmap(resolveFilters({ ...OCT, district: DC }));
    expect(h.units.slice(0, 2).map((u) => [u.code, u.accepted])).toEqual([[A, 6], [B, 4]]);
    expect(h.units).toHaveLength(10);
    const cell = (unit: string, item: string) => {
      const ui = h.units.findIndex((u) => u.code === unit);
      const ci = h.catalog.findIndex((c) => c.code === item);
      return h.cells.find((c) => c[0] === ui && c[1] === ci)?.slice(2);
    };
    expect(cell(A, 'XZQZ')).toEqual([3, 1]);
    expect(cell(A, 'XYXF')).toEqual([1, 1]);
    expect(cell(A, 'YZSX')).toEqual([0, 1]); // expected, nothing sent
    expect(cell(A, 'XK')).toEqual([1, 1]);
    expect(cell(B, 'XZQR')).toEqual([3, 1]);
    expect(cell(B, 'XZQZ')).toEqual([0, 1]);
    expect(cell(B, 'YZSX')).toBeUndefined(); // public security is not a YZSX provider
  });
});

describe('quality', () => {
  it('rejected rows by error code (a row with two codes counts under both), and per catalog item', async () => {
    const q = await rejectedByErrorCode(resolveFilters({ ...OCT, district: DC }));
    expect(q.rejectedRows).toBe(5);
    expect(q.codes.map((c) => [c.errorCode, c.rows, c.records, c.licenses, c.penalties])).toEqual([
      ['REQUIRED', 3, 2, 1, 0],
      ['USCC_CHECK', 2, 2, 0, 0],
      ['DATE_IN_FUTURE', 1, 0, 0, 1],
    ]);
    const xzqz = await rejectedByErrorCode(resolveFilters({ ...OCT, district: DC, catalog: 'XZQZ' }));
    expect(xzqz.rejectedRows).toBe(2);
    expect(xzqz.codes.map((c) => [c.errorCode, c.rows])).toEqual([['USCC_CHECK', 2], ['REQUIRED', 1]]);
  });

  it('the drill to the rejected rows finds exactly the rows behind each figure', async () => {
    const rows = async (extra: Record<string, string>) =>
      (await rejectedItems(all, rejectedItemsInput.parse({ ...OCT, district: DC, volumeOnly: 'true', limit: 100, ...extra }))).items;
    expect(await rows({})).toHaveLength(5);
    expect(await rows({ errorCode: 'REQUIRED' })).toHaveLength(3);
    expect(await rows({ catalog: 'XZQZ' })).toHaveLength(2);
    expect(await rows({ catalog: 'XK' })).toHaveLength(1);
    expect(await rows({ catalog: 'XZQZ', errorCode: 'REQUIRED' })).toHaveLength(1);
    const one = await rows({ batchId: batchOf(95) });
    expect(one.map((r) => [r.unitCode, r.stream, r.errorCodes])).toEqual([[B, 'penalties', ['DATE_IN_FUTURE']]]);
  });

  it('batches drill: scoped and filterable', async () => {
    const mine = await callerAs(person('unit', DC, B)).ingestion.batchItems({ rejectedOnly: false });
    expect(mine.items.map((b) => b.batchId)).toEqual([batchOf(14)]);
    const dc = await callerAs(person('district', DC)).ingestion.batchItems({ rejectedOnly: false, unit: C });
    expect(dc.items).toEqual([]);
  });
});

describe('missing submissions and the last receipt', () => {
  it('finds (unit, catalog item, window) with nothing received, holiday-aware, whole windows only', async () => {
    const f = resolveFilters({ ...OCT, unit: B });
    const windows = await missingWindows(f);
    // B's weekly items over weeks wholly inside October (starting 10-05, 10-12, 10-19; 09-28 and 10-26 straddle):
    // XZQR was received in the weeks of 10-05 (10-08) and 10-12 (10-15), not 10-19; XZQZ never.
    expect(windows.map((w) => [w.catalogCode, w.frequency, w.windowStart, w.windowEnd])).toEqual([
      ['XZQR', 'weekly', '2026-10-19', '2026-10-25'],
      ['XZQZ', 'weekly', '2026-10-19', '2026-10-25'],
      ['XZQZ', 'weekly', '2026-10-12', '2026-10-18'],
      ['XZQZ', 'weekly', '2026-10-05', '2026-10-11'],
    ]);
    expect(windows[0]!.lastReceivedDay).toBe('2026-10-15');
    expect(windows[1]!.lastReceivedDay).toBe('');

    const a = await missingWindows(resolveFilters({ ...OCT, unit: A }));
    const count = (freq: string, item: string) => a.filter((w) => w.frequency === freq && w.catalogCode === item).length;
    // YZSX daily: all 18 working days of October (none of the 7 National Day days, 10-10 included).
    expect(count('daily', 'YZSX')).toBe(18);
    const daily = a.filter((w) => w.frequency === 'daily').map((w) => w.windowStart);
    expect(daily.some((d) => d >= '2026-10-01' && d <= '2026-10-07')).toBe(false);
    expect(daily).toContain('2026-10-10');
    expect(daily).not.toContain('2026-10-11');
    // XYXF weekly: sent in the week of 10-12 only; XZQZ: 10-09, 10-12 and the resend of 10-20 cover all three weeks.
    expect(count('weekly', 'XYXF')).toBe(2);
    expect(count('weekly', 'XZQZ')).toBe(0);
    // XZJC monthly: October is complete by asOf and empty; HJXY quarterly: no whole quarter in the period.
    expect(count('monthly', 'XZJC')).toBe(1);
    expect(count('quarterly', 'HJXY')).toBe(0);
    // Realtime items (XK, CF) are never "missing": they follow decisions.
    expect(a.some((w) => w.catalogCode === 'XK' || w.catalogCode === 'CF')).toBe(false);
  });

  it('per unit: expected and missing windows, and the last time each unit sent anything (up to asOf)', async () => {
    const s = await submissionsByUnit(resolveFilters({ ...OCT, district: DC }));
    expect(s.last).toBe('2026-10-31');
    const a = s.rows.find((r) => r.unitCode === A)!;
    // A expects 18 daily + 2 weekly items × 3 weeks + 1 month = 25 windows; misses 18 + 2 + 1 = 21.
    expect(a).toMatchObject({ expected: 25, missing: 21, itemsMissing: 3, missingByFrequency: { daily: 18, weekly: 2, monthly: 1, quarterly: 0 } });
    // Its last batch up to asOf 2026-11-23 is 10-30 16:00 (the 11-24 one is after asOf): 16 working days before.
    expect(a).toMatchObject({ lastReceivedAt: '2026-10-30 16:00:00.000', workdaysSinceLast: 16 });
    const b = s.rows.find((r) => r.unitCode === B)!;
    expect(b).toMatchObject({ expected: 6, missing: 4, lastReceivedAt: '2026-10-15 09:00:00.000', workdaysSinceLast: 27 });
    // A unit that never sent anything.
    expect(s.rows.find((r) => r.unitCode === 'D990102-01')).toMatchObject({ lastReceivedAt: null, workdaysSinceLast: null });
    expect(s.rows[0]!.missing).toBeGreaterThanOrEqual(s.rows[1]!.missing);
  });

  it('nothing is missing before the period is complete', async () => {
    // asOf 2026-10-01: the last complete day is 09-30, before from.
    expect(await missingWindows(resolveFilters({ from: '2026-10-01', to: '2026-10-31', asOf: '2026-10-01', unit: B }))).toEqual([]);
  });
});

describe('items API and scope', () => {
  it('status=missing|accepted|anomaly|batches through REST, scoped to the caller', async () => {
    const q = `from=2026-10-01&to=2026-10-31&asOf=2026-11-23`;
    const adminMissing = await (await itemsGet(get(`/api/v1/items/ingestion?status=missing&${q}&unit=${B}`, tokens.admin!))).json();
    expect(adminMissing.items).toHaveLength(4);
    expect(adminMissing.nextCursor).toBeNull();
    // A 西湖区 token asking for a 东城区 unit gets nothing, not an error.
    const other = await (await itemsGet(get(`/api/v1/items/ingestion?status=missing&${q}&unit=${B}`, tokens.xihu!))).json();
    expect(other.items).toEqual([]);
    // Unit A's own token: its accepted items only, even without a filter.
    const own = await (await itemsGet(get(`/api/v1/items/ingestion?status=accepted&${q}`, tokens.unitA!))).json();
    expect(own.items).toHaveLength(6);
    expect(new Set(own.items.map((i: { unitCode: string }) => i.unitCode))).toEqual(new Set([A]));
    // Paging of a computed list.
    const page1 = await (await itemsGet(get(`/api/v1/items/ingestion?status=missing&${q}&unit=${A}&limit=20`, tokens.admin!))).json();
    expect(page1.items).toHaveLength(20);
    const page2 = await (await itemsGet(get(`/api/v1/items/ingestion?status=missing&${q}&unit=${A}&limit=20&cursor=${page1.nextCursor}`, tokens.admin!))).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const csv = await (await itemsGet(get(`/api/v1/items/ingestion?status=missing&format=csv&${q}&unit=${B}`, tokens.admin!))).text();
    expect(csv.trim().split('\r\n')).toHaveLength(5);
    const anomaly = await itemsGet(get(`/api/v1/items/ingestion?status=anomaly&${q}`, tokens.admin!));
    expect(anomaly.status).toBe(200);
    expect((await itemsGet(get(`/api/v1/items/ingestion?status=nope`, tokens.admin!))).status).toBe(400);
    expect((await itemsGet(get(`/api/v1/items/ingestion?status=accepted&from=2026-13-01`, tokens.admin!))).status).toBe(400);
  });

  it('tRPC drill-downs apply the scope in SQL; figures stay city-wide', async () => {
    const dongcheng = callerAs(person('district', DC));
    expect((await dongcheng.ingestion.acceptedItems({ ...OCT, limit: 100 })).items).toHaveLength(10);
    expect((await dongcheng.ingestion.acceptedItems({ ...OCT, district: XH })).items).toEqual([]);
    expect((await dongcheng.ingestion.missingItems({ ...OCT, unit: C })).items).toEqual([]);
    const kpi = await dongcheng.ingestion.kpi({ ...OCT, groupBy: 'district' });
    expect(kpi.rows.find((r) => r.key === XH)!.accepted).toBe(1);
    await expect(dongcheng.ingestion.kpi({ from: '2026-10-31', to: '2026-10-01' })).rejects.toThrow();
  });
});
