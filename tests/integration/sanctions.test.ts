import { beforeAll, describe, expect, it } from 'vitest';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import { createToken } from '@/server/auth/tokens';
import { WorkdayCalendar } from '@/server/domain/calendar';
import { refreshSanctionCube, sanctionCasesState, sanctionCubeState, setSanctionAutoRefresh } from '@/server/metrics/sanctions/cube';
import { sanctionFunnel, sanctionKpi } from '@/server/metrics/sanctions/kpi';
import { sanctionItems } from '@/server/metrics/sanctions/items';
import { freshDatabase } from './_db';

/*
 * Hand-built pushes from the court (C004), measures M01 (10 working days, answered by 市财政局 C010) and
 * M05 (10 working days, answered by 市市场监管局 C002). 2025 National Day: Oct 1–8 off, Sun Sep 28 and Sat Oct 11 worked.
 *   A  CASE-A/M01 → C010 pushed Mon 09-01; due = 09-02..05 (4), 08..12 (9), 15 (10) = 09-15; answered 09-15 → on time (due day)
 *   E  CASE-A/M05 → C002 pushed 09-01; due 09-15; answered 09-03 not_applicable → on time, not executed
 *   B  CASE-B/M01 → C010 pushed Mon 09-22; due = 23..26 (4), Sun 28 (5), 29, 30 (7), Oct 9, 10 (9), Sat Oct 11 (10) = 10-11;
 *      answered Mon 10-13 → late across the holiday; delay = 10 + 1 = 11 working days
 *   C  CASE-C/M01 → C010 pushed 11-03; due = 11-04..07 (4), 10..14 (9), 17 (10) = 11-17; never answered
 *      → as of 12-01 overdue by workdaysBetween(11-17, 12-01) = 18..21 (4), 24..28 (9), Dec 1 (10) = 10; as of 11-17 pending
 *   D  CASE-D/M01 → C010 pushed 11-24; due = 25..28 (4), Dec 1..5 (9), Dec 8 (10) = 12-08 → pending as of 12-01, overdue as of 12-09
 * Also: C002 answering A (not addressed to it) is rejected; C010 answering A again on 09-20 changes nothing.
 */
const T: Record<string, string> = {};
const LEGAL = '91350100M000100Y43';
const PERSON = '11010519491231002X';

async function send(stream: string, token: string, rows: unknown[]) {
  const res = await ingestPost(
    new Request(`http://test/api/v1/ingest/${stream}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: rows.map((r) => JSON.stringify(r)).join('\n'),
    }),
    { params: Promise.resolve({ stream }) },
  );
  return (await res.json()) as { accepted: number; rejected: number; errors: Array<{ code: string }> };
}
const push = (caseId: string, measureCode: string, respondingUnit: string, day: string, natural = false) => ({
  caseId,
  kind: 'punishment',
  listType: '失信被执行人',
  subjectType: natural ? 'natural' : 'legal',
  subjectName: natural ? '李四' : '示范市失信测试有限公司',
  subjectCode: natural ? PERSON : LEGAL,
  measureCode,
  respondingUnit,
  receivedAt: `${day} 09:00:00`,
});
const answer = (caseId: string, measureCode: string, day: string, result = 'executed') => ({ caseId, measureCode, result, receivedAt: `${day} 10:00:00` });

const window = { from: '2025-09-01', to: '2025-11-30' };
// Each figure is checked computed live, from the cube and mixed: the tests decide when it is built.
setSanctionAutoRefresh(false);

beforeAll(async () => {
  await freshDatabase({ today: '2025-12-20' });
  T.court = (await createToken({ name: 'court-bf', unitCode: 'C004', scopes: ['backfill'], createdBy: 't' })).token;
  T.finance = (await createToken({ name: 'fin-bf', unitCode: 'C010', scopes: ['backfill'], createdBy: 't' })).token;
  T.market = (await createToken({ name: 'mkt-bf', unitCode: 'C002', scopes: ['backfill'], createdBy: 't' })).token;
  const pushes = await send('sanctions', T.court!, [
    push('CASE-A', 'M01', 'C010', '2025-09-01'),
    push('CASE-A', 'M05', 'C002', '2025-09-01'),
    push('CASE-B', 'M01', 'C010', '2025-09-22', true),
    push('CASE-C', 'M01', 'C010', '2025-11-03'),
    push('CASE-D', 'M01', 'C010', '2025-11-24'),
  ]);
  expect(pushes).toMatchObject({ accepted: 5, rejected: 0 });
  expect(await send('feedback', T.finance!, [answer('CASE-A', 'M01', '2025-09-15'), answer('CASE-B', 'M01', '2025-10-13')])).toMatchObject({ accepted: 2 });
  expect(await send('feedback', T.market!, [answer('CASE-A', 'M05', '2025-09-03', 'not_applicable')])).toMatchObject({ accepted: 1 });
}, 300_000);

describe('joint sanctions: status per push and the rates', () => {
  it('feedback from a unit the push is not addressed to is rejected; a repeated feedback is not counted twice', async () => {
    const wrong = await send('feedback', T.market!, [answer('CASE-A', 'M01', '2025-09-16')]);
    expect(wrong).toMatchObject({ accepted: 0, rejected: 1 });
    expect(wrong.errors[0]?.code).toBe('NOT_ADDRESSED');
    expect(await send('feedback', T.finance!, [answer('CASE-A', 'M01', '2025-09-20')])).toMatchObject({ accepted: 1 });
    const a = await sanctionItems({ kind: 'all' }, { ...window, asOf: '2025-12-01', caseId: 'CASE-A', measure: 'M01', limit: 10 });
    expect(a.items).toHaveLength(1);
    expect(a.items[0]).toMatchObject({ answeredDate: '2025-09-15', status: 'answered_on_time' });
  });
});

function figures(mode: string) {
  describe(`joint sanctions figures (${mode})`, () => {

    it('each push has the hand-computed due date, status and working-day figures as of 2025-12-01', async () => {
      const { items } = await sanctionItems({ kind: 'all' }, { ...window, asOf: '2025-12-01', limit: 100 });
      const byKey = Object.fromEntries(items.map((i) => [`${i.caseId}/${i.measureCode}`, i]));
      expect(byKey['CASE-A/M01']).toMatchObject({ pushedDate: '2025-09-01', dueDate: '2025-09-15', answeredDate: '2025-09-15', status: 'answered_on_time', answerDelay: 10, result: 'executed' });
      expect(byKey['CASE-A/M05']).toMatchObject({ dueDate: '2025-09-15', answeredDate: '2025-09-03', status: 'answered_on_time', answerDelay: 2, result: 'not_applicable' });
      expect(byKey['CASE-B/M01']).toMatchObject({ dueDate: '2025-10-11', answeredDate: '2025-10-13', status: 'answered_late', answerDelay: 11, subjectCode: '110105********002X' });
      expect(byKey['CASE-C/M01']).toMatchObject({ dueDate: '2025-11-17', answeredDate: null, status: 'overdue', workdaysOverdue: 10 });
      expect(byKey['CASE-D/M01']).toMatchObject({ dueDate: '2025-12-08', answeredDate: null, status: 'pending', workdaysOverdue: 0 });
      // The SQL due dates equal the TypeScript calendar's.
      const cal = WorkdayCalendar.fromPackage();
      for (const i of items) expect(cal.addWorkdays(i.pushedDate, i.feedbackDays).date).toBe(i.dueDate);
    });

    it('statuses move with asOf: pending on the due day, overdue the day after', async () => {
      const status = async (asOf: string, caseId: string) =>
        (await sanctionItems({ kind: 'all' }, { ...window, asOf, caseId, limit: 10 })).items[0]?.status;
      expect(await status('2025-11-17', 'CASE-C')).toBe('pending');
      expect(await status('2025-11-18', 'CASE-C')).toBe('overdue');
      expect(await status('2025-12-08', 'CASE-D')).toBe('pending');
      expect(await status('2025-12-09', 'CASE-D')).toBe('overdue');
      // As of a day before an answer arrived, it was not answered yet.
      expect(await status('2025-10-12', 'CASE-B')).toBe('overdue');
    });

    it('rates by responding unit and in total equal the hand count', async () => {
      const kpi = await sanctionKpi({ ...window, asOf: '2025-12-01' }, 'unit');
      const c010 = kpi.rows.find((r) => r.key === 'C010');
      // C010: A on time (executed), B late (executed), C overdue, D pending → feedback 2/3, timely 1/3, execution 2/2.
      expect(c010).toMatchObject({ name: '市财政局', pushes: 4, answeredOnTime: 1, answeredLate: 1, overdue: 1, pending: 1, executed: 2 });
      expect(c010?.feedbackRate).toBeCloseTo(2 / 3, 10);
      expect(c010?.timelyRate).toBeCloseTo(1 / 3, 10);
      expect(c010?.executionRate).toBe(1);
      // C002: E on time, not applicable → feedback 1, timely 1, execution 0.
      expect(kpi.rows.find((r) => r.key === 'C002')).toMatchObject({ pushes: 1, feedbackRate: 1, timelyRate: 1, executionRate: 0 });
      // Total: 5 pushes, 2 on time, 1 late, 1 overdue, 1 pending, 2 executed → 3/4, 2/4, 2/3.
      expect(kpi.total).toMatchObject({ pushes: 5, answeredOnTime: 2, answeredLate: 1, overdue: 1, pending: 1, executed: 2, feedbackRate: 0.75, timelyRate: 0.5 });
      expect(kpi.total.executionRate).toBeCloseTo(2 / 3, 10);
      expect(kpi.calendarWarning).toBe(false);
      const byMonth = await sanctionKpi({ ...window, asOf: '2025-12-01' }, 'month');
      expect(byMonth.rows.map((r) => [r.key, r.pushes])).toEqual([['2025-09', 3], ['2025-11', 2]]);
      expect(await sanctionFunnel({ ...window, asOf: '2025-12-01' })).toEqual({ cases: 4, pushes: 5, answered: 3, executed: 2 });
    });

    it('items are scoped: a unit sees what it answers or initiated, a district its units', async () => {
      const market = await sanctionItems({ kind: 'unit', unitCode: 'C002', districtCode: '990100' }, { ...window, asOf: '2025-12-01', limit: 100 });
      expect(market.items.map((i) => `${i.caseId}/${i.measureCode}`)).toEqual(['CASE-A/M05']);
      const court = await sanctionItems({ kind: 'unit', unitCode: 'C004', districtCode: '990100' }, { ...window, asOf: '2025-12-01', limit: 100 });
      expect(court.items).toHaveLength(5);
      const other = await sanctionItems({ kind: 'district', districtCode: '990103' }, { ...window, asOf: '2025-12-01', limit: 100 });
      expect(other.items).toEqual([]);
      const overdue = await sanctionItems({ kind: 'all' }, { ...window, asOf: '2025-12-01', status: 'overdue', limit: 100 });
      expect(overdue.items.map((i) => [i.caseId, i.respondingUnit, i.workdaysOverdue])).toEqual([['CASE-C', 'C010', 10]]);
      const paged = await sanctionItems({ kind: 'all' }, { ...window, asOf: '2025-12-01', limit: 2 });
      const next = await sanctionItems({ kind: 'all' }, { ...window, asOf: '2025-12-01', limit: 2, cursor: paged.nextCursor ?? undefined });
      const last = await sanctionItems({ kind: 'all' }, { ...window, asOf: '2025-12-01', limit: 2, cursor: next.nextCursor ?? undefined });
      expect([...paged.items, ...next.items, ...last.items].map((i) => `${i.caseId}/${i.measureCode}`).sort()).toEqual(
        ['CASE-A/M01', 'CASE-A/M05', 'CASE-B/M01', 'CASE-C/M01', 'CASE-D/M01'],
      );
      expect(last.nextCursor).toBeNull();
    });
  });
}

figures('live');

describe('from the cube', () => {
  beforeAll(async () => {
    expect((await refreshSanctionCube()).units).toBe(2);
    expect((await sanctionCubeState()).dirty).toEqual([]);
    expect((await sanctionCasesState()).dirty).toEqual([]);
  });
  figures('cube');
});

describe('mixed: C010 answers again, its figures are live until the next refresh', () => {
  beforeAll(async () => {
    expect(await send('feedback', T.finance!, [answer('CASE-A', 'M01', '2025-12-02')])).toMatchObject({ accepted: 1 });
    expect((await sanctionCubeState()).dirty.map((u) => u.unit)).toEqual(['C010']);
    expect((await sanctionCasesState()).dirty).toEqual([]);
  });
  figures('mixed');
});
