import { beforeAll, describe, expect, it } from 'vitest';
import { GET as assessmentGet } from '@/app/api/v1/assessment/route';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { enterManualScore, saveScheme } from '@/server/assessment/store';
import type { Indicator } from '@/shared/assessmentScheme';
import { insertRows } from '@/server/db/query';
import { periodFigures } from '@/server/metrics/assessment/figures';
import { assessmentRanking, assessmentWhatIf } from '@/server/metrics/assessment/ranking';
import { ingestionKpi } from '@/server/metrics/ingestion/kpi';
import { publicityKpi } from '@/server/metrics/publicity/kpi';
import { sanctionKpi } from '@/server/metrics/sanctions/kpi';
import { appRouter } from '@/server/trpc/router';
import { createCallerFactory } from '@/server/trpc/init';
import { freshDatabase } from './_db';

/*
 * A hand-built month pair for the district ranking (16 districts; only 990102 "A", 990103 "B" have data), today
 * 2025-12-20 so October and November 2025 are closed. 2025 National Day: Oct 1–8 off, Sat Oct 11 worked.
 *
 * October (scheme v2 from 2025-10): PUB rate 50 · OVD deduction 5/item max 20 · FB threshold 0.5→1 max 20 · MAN manual 10 (default 8)
 *   A (unit D990102-01)
 *     P1 penalty decided Thu 10-09, deadline = 10, Sat 11, 13, 14, 15, 16, 17 → 10-17; published 10-15 → on time
 *     P2 decided 10-09, published 10-20 → late
 *     P3 registered, decided Mon 10-13, deadline 14..17 (4), 20, 21, 22 → 10-22; unpublished at 10-31 → overdue
 *        (published 11-05: still overdue as of October's end, so October's scores must not move)
 *     P4 registered, decided 10-28, deadline 11-06 → pending at 10-31, excluded
 *     → on-time 1/3, overdue 1. Pushes (M01, 10 working days) CASE-1, CASE-2 pushed 10-09, due 10-22;
 *       CASE-1 answered 10-20, CASE-2 never → feedback 1/2 = 0.5. Manual 6.
 *     PUB 50/3 = 16.67, OVD 20 − 5 = 15, FB (0.5 − 0.5)/0.5 × 20 = 0, MAN 6 → 37.67
 *   B (unit D990103-01): P5 decided 10-09 published 10-10 → on time (1/1); CASE-3 pushed 10-09 answered 10-27 (late)
 *     → feedback 1/1. Manual 9 → 50 + 20 + 20 + 9 = 99
 *   the other 14: nothing due (rates undefined → full marks), manual default 8 → 98
 *   ranks: B 1; the 14 others 2 (standard competition ranking); A 16
 *
 * November (scheme v3 from 2025-11): PUB rate 30 · OVD 10/item max 20 · FB rate 20 · QUAL threshold 0.8→0.95 max 20 · MAN 10 (default 8)
 *   A: P6 decided Mon 11-03 published 11-04 → on time (1/1) → 30; nothing overdue → 20; no pushes → 20;
 *      rows received in November: P3 + P6 publications + 15 records = 17 accepted, 3 rejected → 17/20 = 0.85
 *      → 20 × (0.85 − 0.8)/0.15 = 6.67; manual 10 → 86.67
 *   B: CASE-4 pushed Mon 11-03, due 11-17, never answered → overdue at 11-30 → feedback 0/1 → 0; the rest full;
 *      manual default 8 → 30 + 20 + 0 + 20 + 8 = 78
 *   the other 14: 98 → rank 1; A 86.67 → rank 15 (was 16: +1); B 78 → rank 16 (was 1: −15); the others were 2: +1
 */
const LEGAL = '91350100M000100Y43';
const T: Record<string, string> = {};
const A = '990102';
const B = '990103';
const unitA = 'D990102-01';
const unitB = 'D990103-01';

async function send(stream: string, token: string, rows: unknown[]) {
  const res = await ingestPost(
    new Request(`http://test/api/v1/ingest/${stream}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: rows.map((r) => JSON.stringify(r)).join('\n'),
    }),
    { params: Promise.resolve({ stream }) },
  );
  const body = (await res.json()) as { accepted: number; rejected: number; errors: unknown[] };
  expect(body, JSON.stringify(body.errors)).toMatchObject({ rejected: 0 });
  return body;
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
  occurredOn: '2025-11-01', receivedAt: '2025-11-10 11:00:00',
});
// Rejected rows are stamped with the platform clock; a quarantine fixture with November receipts stands in for them.
const rejectedRow = (row: number) => ({
  batch_id: '00000000-0000-4000-8000-0000000000bb', stream: 'records', unit_code: unitA, district_code: A, row_no: row,
  raw: `{"recordId":"BAD-${row}","catalogCode":"QYDJ"}`, error_codes: ['INVALID_USCC'],
  errors: '[{"field":"subjectCode","code":"INVALID_USCC","message":"统一社会信用代码校验位错误"}]',
  received_at: '2025-11-10 12:00:00.000',
});

const octoberScheme: Indicator[] = [
  { code: 'PUB', name: '双公示按时率', metric: 'publicity_on_time', maxPoints: 50, method: { kind: 'rate', whenUndefined: 'full' }, description: '' },
  { code: 'OVD', name: '超期未公示', metric: 'publicity_overdue', maxPoints: 20, method: { kind: 'deduction', perItem: 5 }, description: '' },
  { code: 'FB', name: '反馈率', metric: 'sanction_feedback', maxPoints: 20, method: { kind: 'threshold', lo: 0.5, hi: 1 }, description: '' },
  { code: 'MAN', name: '信用宣传', metric: 'manual', maxPoints: 10, method: { kind: 'manual', defaultScore: 8 }, description: '' },
];
const novemberScheme: Indicator[] = [
  { code: 'PUB', name: '双公示按时率', metric: 'publicity_on_time', maxPoints: 30, method: { kind: 'rate', whenUndefined: 'full' }, description: '' },
  { code: 'OVD', name: '超期未公示', metric: 'publicity_overdue', maxPoints: 20, method: { kind: 'deduction', perItem: 10 }, description: '' },
  { code: 'FB', name: '反馈率', metric: 'sanction_feedback', maxPoints: 20, method: { kind: 'rate', whenUndefined: 'full' }, description: '' },
  { code: 'QUAL', name: '数据质量', metric: 'ingestion_quality', maxPoints: 20, method: { kind: 'threshold', lo: 0.8, hi: 0.95 }, description: '' },
  { code: 'MAN', name: '信用宣传', metric: 'manual', maxPoints: 10, method: { kind: 'manual', defaultScore: 8 }, description: '' },
];

const person = (role: Principal['role'], districtCode = '', unitCode = ''): Principal => ({
  kind: 'user', id: `00000000-0000-4000-8000-0000000001${role.length}0`, name: `${role}@test`, role, districtCode, unitCode, tokenScopes: [],
});
const caller = (p: Principal) => createCallerFactory(appRouter)({ requestId: 'test', ip: '127.0.0.1', principal: p });

const byCode = <R extends { code: string }>(rows: R[]) => new Map(rows.map((r) => [r.code, r]));

beforeAll(async () => {
  await freshDatabase({ today: '2025-12-20' });
  T.a = (await createToken({ name: 'a', unitCode: unitA, scopes: ['backfill'], createdBy: 't' })).token;
  T.b = (await createToken({ name: 'b', unitCode: unitB, scopes: ['backfill'], createdBy: 't' })).token;
  T.court = (await createToken({ name: 'court', unitCode: 'C004', scopes: ['backfill'], createdBy: 't' })).token;
  await send('penalties', T.a!, [penalty('P1', '2025-10-09', '2025-10-15'), penalty('P2', '2025-10-09', '2025-10-20')]);
  await send('decisions', T.a!, [register('P3', '2025-10-13'), register('P4', '2025-10-28')]);
  await send('penalties', T.b!, [penalty('P5', '2025-10-09', '2025-10-10')]);
  await send('sanctions', T.court!, [push('CASE-1', unitA, '2025-10-09'), push('CASE-2', unitA, '2025-10-09'), push('CASE-3', unitB, '2025-10-09'), push('CASE-4', unitB, '2025-11-03')]);
  await send('feedback', T.a!, [answer('CASE-1', '2025-10-20')]);
  await send('feedback', T.b!, [answer('CASE-3', '2025-10-27')]);
  // November
  await send('penalties', T.a!, [penalty('P3', '2025-10-13', '2025-11-05'), penalty('P6', '2025-11-03', '2025-11-04')]);
  await send('records', T.a!, Array.from({ length: 15 }, (_, i) => record(i)));
  await insertRows('rejected_rows', [rejectedRow(1), rejectedRow(2), rejectedRow(3)]);
  await saveScheme({ level: 'district', effectiveFrom: '2025-10', name: '十月方案', note: 'test', indicators: octoberScheme, createdBy: 't' });
  await saveScheme({ level: 'district', effectiveFrom: '2025-11', name: '十一月方案', note: 'test', indicators: novemberScheme, createdBy: 't' });
  await enterManualScore({ level: 'district', period: '2025-10', indicatorCode: 'MAN', entityCode: A, score: 6, reason: '宣传材料报送不全', enteredBy: 't' });
  await enterManualScore({ level: 'district', period: '2025-10', indicatorCode: 'MAN', entityCode: B, score: 7, reason: '初评', enteredBy: 't' });
  await enterManualScore({ level: 'district', period: '2025-10', indicatorCode: 'MAN', entityCode: B, score: 9, reason: '复核后调整', enteredBy: 't' });
  await enterManualScore({ level: 'district', period: '2025-11', indicatorCode: 'MAN', entityCode: A, score: 10, reason: '信用承诺全覆盖', enteredBy: 't' });
}, 300_000);

describe('assessment: district scores and ranks of a hand-built month pair', () => {
  it('October under scheme v2: hand-computed totals, indicator scores and explanations, ties ranked 1, 2, 2, …, 16', async () => {
    const r = await assessmentRanking({ period: '2025-10', level: 'district' });
    expect(r.scheme.version).toBe(2);
    expect(r.asOf).toBe('2025-10-31');
    expect(r.rows).toHaveLength(16);
    const rows = byCode(r.rows);
    const a = rows.get(A)!;
    expect(a.total).toBe(37.67);
    expect(a.rank).toBe(16);
    const ai = byCode(a.indicators);
    expect(ai.get('PUB')).toMatchObject({ score: 16.67, lost: 33.33, inputs: { numerator: 1, denominator: 3 } });
    expect(ai.get('OVD')).toMatchObject({ score: 15, inputs: { count: 1 } });
    expect(ai.get('FB')).toMatchObject({ score: 0, inputs: { numerator: 1, denominator: 2, rate: 0.5 } });
    expect(ai.get('MAN')).toMatchObject({ score: 6, inputs: { manual: { score: 6, reason: '宣传材料报送不全', isDefault: false } } });
    expect(rows.get(B)).toMatchObject({ total: 99, rank: 1 });
    expect(byCode(rows.get(B)!.indicators).get('MAN')).toMatchObject({ score: 9, inputs: { manual: { reason: '复核后调整' } } });
    const others = r.rows.filter((x) => x.code !== A && x.code !== B);
    expect(others).toHaveLength(14);
    for (const o of others) expect(o).toMatchObject({ total: 98, rank: 2 });
    expect(r.rows.map((x) => x.rank)).toEqual([1, ...Array(14).fill(2), 16]);
  });

  it('November under scheme v3, with previous ranks from October under v2 and the movement', async () => {
    const r = await assessmentRanking({ period: '2025-11', level: 'district' });
    expect(r.scheme.version).toBe(3);
    expect(r.previousSchemeVersion).toBe(2);
    expect(r.previousPeriod).toBe('2025-10');
    const rows = byCode(r.rows);
    const a = rows.get(A)!;
    expect(a).toMatchObject({ total: 86.67, rank: 15, previousRank: 16, movement: 1 });
    expect(byCode(a.indicators).get('QUAL')).toMatchObject({ score: 6.67, inputs: { numerator: 17, denominator: 20 } });
    expect(byCode(a.indicators).get('PUB')).toMatchObject({ score: 30, inputs: { numerator: 1, denominator: 1 } });
    expect(rows.get(B)).toMatchObject({ total: 78, rank: 16, previousRank: 1, movement: -15 });
    expect(byCode(rows.get(B)!.indicators).get('MAN')).toMatchObject({ score: 8, inputs: { manual: { isDefault: true } } });
    for (const o of r.rows.filter((x) => x.code !== A && x.code !== B)) expect(o).toMatchObject({ total: 98, rank: 1, previousRank: 2, movement: 1 });
  });

  it('a closed month is reproducible: the same ranking after later data (P3 published in November) and on every call', async () => {
    const first = await assessmentRanking({ period: '2025-10', level: 'district' });
    const again = await assessmentRanking({ period: '2025-10', level: 'district' });
    expect(again.rows).toEqual(first.rows);
    expect(byCode(first.rows).get(A)!.total).toBe(37.67);
  });

  it('a quarter uses the scheme of its last month and averages the manual entries of its months', async () => {
    const r = await assessmentRanking({ period: '2025-Q4', level: 'district' });
    expect(r.period).toMatchObject({ from: '2025-10-01', to: '2025-12-31' });
    expect(r.asOf).toBe('2025-12-20');
    expect(r.scheme.version).toBe(3);
    // A: months Oct 6, Nov 10, Dec default 8 → 8
    expect(byCode(byCode(r.rows).get(A)!.indicators).get('MAN')!.score).toBe(8);
  });

  it('district figures (sums of their units) equal the dashboards’ own figures grouped by district', async () => {
    for (const w of [{ from: '2025-10-01', to: '2025-10-31', asOf: '2025-10-31' }, { from: '2025-11-01', to: '2025-11-30', asOf: '2025-11-30' }]) {
      const figures = await periodFigures('district', w, '2025-12-20');
      const [ing, pub, san] = await Promise.all([
        ingestionKpi({ ...w, district: '', unit: '', catalog: '' }, 'district'),
        publicityKpi({ ...w, groupBy: 'district' }),
        sanctionKpi(w, 'district'),
      ]);
      for (const r of ing.rows.filter((x) => x.key !== '990100')) {
        const f = figures.get(r.key)!;
        expect([f.ingestion.ytdAccepted, f.ingestion.acceptedRows, f.ingestion.rejectedRows, f.ingestion.annualTarget], r.key).toEqual([r.ytdAccepted, r.acceptedRows, r.rejectedRows, r.target]);
      }
      for (const r of pub.rows.filter((x) => x.key !== '990100')) {
        expect(figures.get(r.key)!.publicity, r.key).toEqual({ onTime: r.onTime, late: r.late, overdue: r.overdue, pending: r.pending });
      }
      for (const r of san.rows.filter((x) => x.key !== '990100')) {
        expect(figures.get(r.key)!.sanctions, r.key).toEqual({ answeredOnTime: r.answeredOnTime, answeredLate: r.answeredLate, overdue: r.overdue, pending: r.pending });
      }
      expect(figures.get(A)!.ingestion.annualTarget).toBeGreaterThan(0);
    }
  });

  it('what-if: other weights give another ranking, side by side, without saving anything', async () => {
    const heavierManual = octoberScheme.map((i) => (i.code === 'MAN' ? { ...i, maxPoints: 60 } : i.code === 'PUB' ? { ...i, maxPoints: 0 } : i));
    const w = await assessmentWhatIf({ period: '2025-10', level: 'district', indicators: heavierManual });
    expect(w.current.scheme.version).toBe(2);
    expect(w.whatIf.maxTotal).toBe(100);
    // A: PUB 0, OVD 15, FB 0, MAN 6 → 21; B: 0 + 20 + 20 + 9 = 49; others: 0 + 20 + 20 + 8 = 48
    const rows = byCode(w.whatIf.rows);
    expect(rows.get(A)).toMatchObject({ total: 21, rank: 16, previousRank: 16 });
    expect(rows.get(B)).toMatchObject({ total: 49, rank: 1 });
    const after = await assessmentRanking({ period: '2025-10', level: 'district' });
    expect(after.scheme.version).toBe(2);
  });

  it('district users see every rank and total but the explanations of their own district only', async () => {
    const r = await caller(person('district', A)).assessment.ranking({ period: '2025-10', level: 'district' });
    const rows = byCode(r.rows);
    expect(rows.get(B)).toMatchObject({ total: 99, rank: 1, explained: false });
    expect(rows.get(B)!.indicators.every((i) => Object.keys(i.inputs).length === 0 && i.rule === '')).toBe(true);
    expect(rows.get(A)).toMatchObject({ explained: true });
    expect(byCode(rows.get(A)!.indicators).get('PUB')!.inputs).toMatchObject({ numerator: 1, denominator: 3 });
    const other = await caller(person('district', A)).assessment.entity({ period: '2025-10', level: 'district', code: B });
    expect(other.row).toMatchObject({ total: 99, explained: false });
    expect(other.history.map((h) => h.period).at(-1)).toBe('2025-10');
    const own = await caller(person('district', A)).assessment.entity({ period: '2025-10', level: 'district', code: A });
    expect(own.row.explained).toBe(true);
    expect(byCode(own.comparison).get('PUB')).toMatchObject({ score: 16.67, best: 50 });
  });

  it('GET /api/v1/assessment answers the design shape; bad periods are a 400 saying what to write', async () => {
    const token = (await createToken({ name: 'read', unitCode: 'C002', scopes: ['read'], createdBy: 't' })).token;
    const ok = await assessmentGet(new Request('http://test/api/v1/assessment?period=2025-11&level=district', { headers: { authorization: `Bearer ${token}` } }));
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { period: string; level: string; schemeVersion: number; rows: Array<{ code: string; total: number; rank: number; movement: number | null; indicators: Array<{ inputs: object }> }> };
    expect(body).toMatchObject({ period: '2025-11', level: 'district', schemeVersion: 3 });
    expect(body.rows.find((x) => x.code === A)).toMatchObject({ total: 86.67, rank: 15, movement: 1 });
    // a unit token explains nothing at district level
    expect(body.rows.every((x) => x.indicators.every((i) => Object.keys(i.inputs).length === 0))).toBe(true);
    const bad = await assessmentGet(new Request('http://test/api/v1/assessment?period=2025-13', { headers: { authorization: `Bearer ${token}` } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/YYYY-MM/);
  });

  it('admins save schemes that sum to 100 and manual scores with a reason within the maximum; others may not', async () => {
    const admin = caller(person('admin'));
    await expect(admin.assessment.saveScheme({ level: 'district', effectiveFrom: '2026-01', name: 'x', note: '调整', indicators: novemberScheme.slice(1) })).rejects.toThrow(/100/);
    await expect(admin.assessment.enterManualScore({ level: 'district', period: '2025-11', indicatorCode: 'MAN', entityCode: A, score: 11, reason: '超过满分测试' })).rejects.toThrow(/满分/);
    await expect(admin.assessment.enterManualScore({ level: 'district', period: '2025-11', indicatorCode: 'MAN', entityCode: A, score: 5, reason: '短' })).rejects.toThrow(/理由/);
    await expect(caller(person('district', A)).assessment.enterManualScore({ level: 'district', period: '2025-11', indicatorCode: 'MAN', entityCode: A, score: 5, reason: '越权录入测试' })).rejects.toThrow(/无权/);
  });
});
