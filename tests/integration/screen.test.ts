import { beforeAll, describe, expect, it } from 'vitest';
import { GET as screenGet } from '@/app/api/v1/screen/route';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { saveScheme } from '@/server/assessment/store';
import { insertRows } from '@/server/db/query';
import { screenFigures } from '@/server/metrics/screen/figures';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import type { Indicator } from '@/shared/assessmentScheme';
import { freshDatabase } from './_db';

/*
 * The big screen's figures on a hand-built year, every expected number worked out below. Today Tue 2026-11-24, so
 * the last closed month is 2026-10, its previous 2026-09, the same month last year 2025-10, yesterday Mon 11-23.
 * Working days used (no holiday near them): deadline = 7th working day after the decision.
 *
 * Units: uA D990102-01 (district A 990102), uB D990103-01 (district B 990103). Scheme (district and unit alike, from
 * 2025-01): PUB on-time rate × 60, FB feedback rate × 40, full marks when a rate is undefined.
 *
 * 双公示 (decision → deadline; statuses as of today unless said):
 *   P5 uA penalty Mon 09-14, published 09-14 → on time                            (September: 1/1 = 1)
 *   P1 uA penalty Mon 10-19 → 10-28, published 10-20 → on time
 *   P2 uA penalty 10-19, published 10-30 → late
 *   P3 uB penalty 10-19, published 10-19 → on time
 *   P4 uA registered 10-19, never published → overdue                           (October: 2/4 = 0.5; MoM −0.5)
 *   P9 uA registered Thu 11-12 → Mon 11-23, unpublished → overdue, and overdue today (deadline yesterday)
 *   P10 uB registered Fri 11-13 → Tue 11-24 → pending (excluded)
 *   2025: P6 uB 2025-10-20 published that day → on time; P7, P8 uB registered 2025-10-20 → overdue
 *     (October 2025: 1/3; YoY 0.5 − 1/3 = 1/6)
 *   Year to date 2026: on time P1 P3 P5, late P2, overdue P4 P9 → 3/6 = 0.5; 2025 to 2025-11-24: 1/3 → change 1/6.
 *   By district, year to date: A P1 P5 on time, P2 late, P4 P9 overdue → 2/5; B P3 → 1/1.
 *
 * 联合奖惩 (M01: 10 working days):
 *   CASE-1 → uA pushed Mon 10-19, due 11-02, answered 10-22 → on time
 *   CASE-2 → uA pushed 10-19, answered 11-05 → late (pending as of October's end)
 *   CASE-3 → uB pushed Mon 11-09, due Mon 11-23, unanswered → overdue, and overdue today
 *   CASE-4 → uB pushed 11-20 → pending
 *   Year: 4 pushes, feedback (2 answered)/(2 + 1 overdue) = 2/3, timely 1/3. By district: A 2/2 = 1, B 0/1 = 0.
 *
 * 归集 2026 (by receipt): 6 records of uA in 2026-03, penalties P5 (09), P1 P3 P2 (10) → 10 accepted; A 9, B 1.
 *   Targets (this file's, 2026): 市本级 40, every district 10 → 200; completion 10/200 = 0.05, A 0.9, B 0.1.
 *   Projection 10 × 248 working days / 221 up to 11-24 = 11.312… < 200 → off track.
 *
 * Assessment, October (statuses as of 10-31): A: P1 on, P2 late, P4 overdue → 60/3 = 20; CASE-1 answered, CASE-2
 *   pending → feedback 1/1 → 40; total 60. B: P3 → 60 + 40 = 100. The other 14: nothing due → 100.
 *   Ranks: 15 districts at 100 rank 1, A 60 rank 16. September: A P5 on time → 100, everyone 100 → rank 1, so A's
 *   movement 1 − 16 = −15 and the others' 0. Units alike: uA 60 last, every other unit 100 rank 1.
 */
const A = '990102';
const B = '990103';
const uA = 'D990102-01';
const uB = 'D990103-01';
const TODAY = '2026-11-24';
const LEGAL = '91350100M000100Y43';
const FUTURE = '2030-01-01 00:00:00.000';
const T: Record<string, string> = {};

async function send(stream: string, token: string, rows: unknown[]) {
  const res = await ingestPost(
    new Request(`http://test/api/v1/ingest/${stream}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: rows.map((r) => JSON.stringify(r)).join('\n'),
    }),
    { params: Promise.resolve({ stream }) },
  );
  const body = (await res.json()) as { rejected: number; errors: unknown[] };
  expect(body, JSON.stringify(body.errors)).toMatchObject({ rejected: 0 });
}
const penalty = (docNo: string, decisionDate: string, receivedOn: string) => ({
  docNo, subjectType: 'legal', subjectName: '示范市测试有限公司', subjectCode: LEGAL, violationType: '未按规定公示',
  penaltyTypes: ['警告'], decisionDate, receivedAt: `${receivedOn} 09:00:00`,
});
const register = (docNo: string, decisionDate: string) => ({ kind: 'penalty', docNo, decisionDate, receivedAt: `${decisionDate} 18:00:00` });
const push = (caseId: string, respondingUnit: string, day: string) => ({
  caseId, kind: 'punishment', listType: '失信被执行人', subjectType: 'legal', subjectName: '示范市失信测试有限公司',
  subjectCode: LEGAL, measureCode: 'M01', respondingUnit, receivedAt: `${day} 09:00:00`,
});
const answer = (caseId: string, day: string) => ({ caseId, measureCode: 'M01', result: 'executed', receivedAt: `${day} 10:00:00` });
const record = (i: number) => ({
  recordId: `R-${i}`, catalogCode: 'QYDJ', subjectType: 'legal', subjectName: '示范市测试有限公司', subjectCode: LEGAL,
  occurredOn: '2026-03-02', receivedAt: '2026-03-10 11:00:00',
});
const scheme: Indicator[] = [
  { code: 'PUB', name: '双公示按时率', metric: 'publicity_on_time', maxPoints: 60, method: { kind: 'rate', whenUndefined: 'full' }, description: '' },
  { code: 'FB', name: '反馈率', metric: 'sanction_feedback', maxPoints: 40, method: { kind: 'rate', whenUndefined: 'full' }, description: '' },
];
const leader: Principal = { kind: 'user', id: '00000000-0000-4000-8000-000000000017', name: 'leader@test', role: 'leader', districtCode: '', unitCode: '', tokenScopes: [] };

beforeAll(async () => {
  await freshDatabase({ today: TODAY });
  T.a = (await createToken({ name: 'a', unitCode: uA, scopes: ['backfill'], createdBy: 't' })).token;
  T.b = (await createToken({ name: 'b', unitCode: uB, scopes: ['backfill'], createdBy: 't' })).token;
  T.court = (await createToken({ name: 'court', unitCode: 'C004', scopes: ['backfill'], createdBy: 't' })).token;
  await send('penalties', T.b!, [penalty('P6', '2025-10-20', '2025-10-20')]);
  await send('decisions', T.b!, [register('P7', '2025-10-20'), register('P8', '2025-10-20')]);
  await send('records', T.a!, Array.from({ length: 6 }, (_, i) => record(i)));
  await send('penalties', T.a!, [penalty('P5', '2026-09-14', '2026-09-14'), penalty('P1', '2026-10-19', '2026-10-20'), penalty('P2', '2026-10-19', '2026-10-30')]);
  await send('penalties', T.b!, [penalty('P3', '2026-10-19', '2026-10-19')]);
  await send('decisions', T.a!, [register('P4', '2026-10-19'), register('P9', '2026-11-12')]);
  await send('decisions', T.b!, [register('P10', '2026-11-13')]);
  await send('sanctions', T.court!, [push('CASE-1', uA, '2026-10-19'), push('CASE-2', uA, '2026-10-19'), push('CASE-3', uB, '2026-11-09'), push('CASE-4', uB, '2026-11-20')]);
  await send('feedback', T.a!, [answer('CASE-1', '2026-10-22'), answer('CASE-2', '2026-11-05')]);
  const target = (code: string, value: number) => ({ year: 2026, level: 'district', code, kpi: 'ingestion_records', target: value, binding: false, updated_at: FUTURE });
  const districtCodes = ['990100', ...Array.from({ length: 16 }, (_, i) => String(990102 + i))];
  await insertRows('targets', districtCodes.map((c) => target(c, c === '990100' ? 40 : 10)));
  for (const level of ['district', 'unit'] as const) {
    await saveScheme({ level, effectiveFrom: '2025-01', name: '大屏测试方案', note: 'test', indicators: scheme, createdBy: 't' });
  }
}, 300_000);

describe('screen.figures on a hand-built year', () => {
  it('the headline figures: 归集 with projection, 双公示 with MoM and YoY, 联合奖惩 rates', async () => {
    const f = await screenFigures(TODAY);
    expect(f.asOf).toBe(TODAY);
    expect(f.month).toBe('2026-10');
    expect(f.ingestion).toMatchObject({ accepted: 10, target: 200, onTrack: false });
    expect(f.ingestion.targetCompletion).toBeCloseTo(0.05, 10);
    expect(f.ingestion.projection).toBeCloseTo((10 * 248) / 221, 6);
    expect(f.publicity.month.value).toBeCloseTo(0.5, 10);
    expect(f.publicity.month.previous).toBeCloseTo(1, 10);
    expect(f.publicity.month.change).toBeCloseTo(-0.5, 10);
    expect(f.publicity.month.lastYear).toBeCloseTo(1 / 3, 10);
    expect(f.publicity.month.yoy).toBeCloseTo(1 / 6, 10);
    expect(f.publicity.ytd.value).toBeCloseTo(0.5, 10);
    expect(f.publicity.ytd.previous).toBeCloseTo(1 / 3, 10);
    expect(f.publicity.ytd.change).toBeCloseTo(1 / 6, 10);
    expect(f.sanctions.pushes).toBe(4);
    expect(f.sanctions.feedbackRate).toBeCloseTo(2 / 3, 10);
    expect(f.sanctions.timelyRate).toBeCloseTo(1 / 3, 10);
  });

  it('what became overdue today: P9 (due yesterday) and CASE-3, counted per unit, not P4 (overdue for weeks)', async () => {
    const f = await screenFigures(TODAY);
    expect(f.overdueToday.date).toBe(TODAY);
    expect(f.overdueToday).toMatchObject({ publicity: 1, sanctions: 1 });
    expect(f.overdueToday.units.map((u) => [u.unitCode, u.publicity, u.sanctions])).toEqual([[uA, 1, 0], [uB, 0, 1]]);
    // The day before, P9 and CASE-3 were still within their deadlines: nothing became overdue on Monday.
    expect((await screenFigures('2026-11-23')).overdueToday).toMatchObject({ publicity: 0, sanctions: 0, units: [] });
    // On a Monday, what Friday's deadlines left undone: CASE-4 (pushed Fri 11-20, due Fri 12-04) as of Mon 12-07.
    expect((await screenFigures('2026-12-07')).overdueToday).toMatchObject({ publicity: 0, sanctions: 1, units: [{ unitCode: uB, publicity: 0, sanctions: 1 }] });
  });

  it('the rankings of October with movement from September', async () => {
    const f = await screenFigures(TODAY);
    expect(f.districtRanking).toHaveLength(16);
    const a = f.districtRanking.find((r) => r.code === A)!;
    expect(a).toMatchObject({ rank: 16, previousRank: 1, movement: -15 });
    expect(a.total).toBeCloseTo(60, 6);
    expect(f.districtRanking.at(-1)!.code).toBe(A);
    for (const r of f.districtRanking.filter((x) => x.code !== A)) expect(r).toMatchObject({ total: 100, rank: 1, movement: 0 });
    expect(f.unitTop).toHaveLength(5);
    for (const r of f.unitTop) expect(r).toMatchObject({ total: 100, rank: 1 });
    expect(f.unitBottom).toHaveLength(5);
    expect(f.unitBottom[0]).toMatchObject({ code: uA, rank: f.unitCount });
    expect(f.unitBottom[0]!.total).toBeCloseTo(60, 6);
    expect(f.unitCount).toBeGreaterThan(100);
  });

  it('per-district figures for the map and the 12-month trend', async () => {
    const f = await screenFigures(TODAY);
    expect(f.districts).toHaveLength(16);
    const d = new Map(f.districts.map((x) => [x.code, x]));
    expect(d.get(A)!.assessmentTotal).toBeCloseTo(60, 6);
    expect(d.get(A)!.onTimeRate).toBeCloseTo(2 / 5, 10);
    expect(d.get(A)!.feedbackRate).toBeCloseTo(1, 10);
    expect(d.get(A)!.targetCompletion).toBeCloseTo(0.9, 10);
    expect(d.get(B)).toMatchObject({ assessmentTotal: 100, onTimeRate: 1, feedbackRate: 0 });
    expect(d.get(B)!.targetCompletion).toBeCloseTo(0.1, 10);
    expect(d.get('990110')).toMatchObject({ assessmentTotal: 100, onTimeRate: null, feedbackRate: null });
    expect(f.trend.map((t) => t.month)).toEqual([
      '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11',
    ]);
    const m = new Map(f.trend.map((t) => [t.month, t]));
    expect([...m.values()].map((t) => t.accepted)).toEqual([0, 0, 0, 6, 0, 0, 0, 0, 0, 1, 3, 0]);
    expect(m.get('2026-09')).toMatchObject({ onTimeRate: 1 });
    expect(m.get('2026-10')).toMatchObject({ onTimeRate: 0.5, feedbackRate: 1 });
    expect(m.get('2026-11')).toMatchObject({ onTimeRate: 0, feedbackRate: 0 });
    expect(m.get('2026-04')).toMatchObject({ onTimeRate: null, feedbackRate: null });
  });

  it('the same answer through tRPC and REST (GET /api/v1/screen)', async () => {
    const viaTrpc = await createCallerFactory(appRouter)({ requestId: 't', ip: '127.0.0.1', principal: leader }).screen.figures({});
    const token = (await createToken({ name: 'reader', unitCode: 'C001', scopes: ['read'], createdBy: 't' })).token;
    const res = await screenGet(new Request('http://test/api/v1/screen', { headers: { authorization: `Bearer ${token}` } }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(viaTrpc)));
    expect(viaTrpc.month).toBe('2026-10');
  });
});
