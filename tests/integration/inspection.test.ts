/**
 * 督查: the open-problem list and a supervision notice through its whole life, on hand-built data sent through the real
 * ingest path (backfill tokens supply receipt times). Dates worked out on paper (November 2025 has no holiday; Nov 1 is
 * a Saturday):
 *   XK-A  C002 licence decision 2025-11-03 (Mon), registered that day. Deadline = 7th working day after = 11-12.
 *         As of 11-20 overdue by (11-12, 11-20] = 13, 14, 17, 18, 19, 20 = 6 working days.
 *   CASE-N/M05  pushed by the court (C004) to C002 on 2025-10-27 (Mon); M05 allows 10 working days:
 *         28..31 (4), Nov 3..7 (9), Nov 10 (10) → due 11-10. As of 11-20 overdue by 11..14, 17..20 = 8.
 *   Notice issued on 11-20 with 5 working days to reply: 21 (1), 24..27 (5) → reply deadline 11-27.
 *   11-24 the licence is published → item rectified on 11-24 (on time). 11-25 C002 acknowledges.
 *   12-01 the feedback arrives → item rectified on 12-01, after the reply deadline (late); the notice closes on 12-01.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import { GET as noticeGet } from '@/app/api/v1/notices/[id]/route';
import { GET as noticesGet } from '@/app/api/v1/notices/route';
import { GET as problemsGet } from '@/app/api/v1/items/problems/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { queryRows } from '@/server/db/query';
import { WorkdayCalendar } from '@/server/domain/calendar';
import { resetEnvCache } from '@/server/env';
import type { Indicator } from '@/shared/assessmentScheme';
import { assessmentWhatIf } from '@/server/metrics/assessment/ranking';
import { followUpFigures } from '@/server/inspection/followUp';
import { problemsPage, problemsInput } from '@/server/inspection/problems';
import { setPublicityAutoRefresh } from '@/server/metrics/publicity';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { z } from 'zod';
import { freshDatabase } from './_db';

await freshDatabase({ today: '2025-11-20' });
setPublicityAutoRefresh(false);

const setToday = (d: string) => {
  process.env.APP_TODAY = d;
  resetEnvCache();
};

const T: Record<string, string> = {};
const LEGAL = '91350100M000100Y43';

async function send(stream: string, token: string, rows: unknown[]) {
  const res = await ingestPost(
    new Request(`http://test/api/v1/ingest/${stream}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${token}` },
      body: rows.map((r) => JSON.stringify(r)).join('\n'),
    }),
    { params: Promise.resolve({ stream }) },
  );
  return (await res.json()) as { accepted: number; rejected: number };
}

const user = (role: Principal['role'], binding: { districtCode?: string; unitCode?: string } = {}): Principal => ({
  kind: 'user',
  id: `${role}-${binding.unitCode ?? binding.districtCode ?? 'x'}`,
  name: `${role}.${binding.unitCode ?? binding.districtCode ?? 'x'}@test`,
  role,
  districtCode: binding.districtCode ?? '',
  unitCode: binding.unitCode ?? '',
  tokenScopes: [],
});
const INSPECTOR = user('inspector');
const LEADER = user('leader');
const UNIT_C002 = user('unit', { unitCode: 'C002', districtCode: '990100' });
const DISTRICT_990102 = user('district', { districtCode: '990102' });
const caller = (p: Principal) => createCallerFactory(appRouter)({ requestId: 'test', ip: '127.0.0.1', principal: p });

const VIEW = { unit: 'C002', kinds: ['publicity_overdue', 'sanction_overdue'] as Array<'publicity_overdue' | 'sanction_overdue'> };
let noticeId = '';

beforeAll(async () => {
  T.market = (await createToken({ name: 'mkt-bf', unitCode: 'C002', scopes: ['backfill'], createdBy: 't' })).token;
  T.court = (await createToken({ name: 'court-bf', unitCode: 'C004', scopes: ['backfill'], createdBy: 't' })).token;
  T.marketRead = (await createToken({ name: 'mkt-read', unitCode: 'C002', scopes: ['read'], createdBy: 't' })).token;
  expect(
    await send('decisions', T.market!, [
      { kind: 'license', docNo: 'XK-A', decisionDate: '2025-11-03', subjectName: '示范市测试有限公司', subjectCode: LEGAL, receivedAt: '2025-11-03 17:00:00' },
    ]),
  ).toMatchObject({ accepted: 1, rejected: 0 });
  expect(
    await send('sanctions', T.court!, [
      {
        caseId: 'CASE-N',
        kind: 'punishment',
        listType: '失信被执行人',
        subjectType: 'legal',
        subjectName: '示范市失信测试有限公司',
        subjectCode: LEGAL,
        measureCode: 'M05',
        respondingUnit: 'C002',
        receivedAt: '2025-10-27 09:00:00',
      },
    ]),
  ).toMatchObject({ accepted: 1, rejected: 0 });
}, 300_000);

describe('the open-problem list', () => {
  it('lists both overdue items of C002 with their hand-computed deadlines and ages, oldest first', async () => {
    const page = await problemsPage({ kind: 'all' }, problemsInput.parse(VIEW));
    expect(page.asOf).toBe('2025-11-20');
    expect(page.items.map((p) => [p.kind, p.subject, p.date, p.deadline, p.workdaysOverdue, p.rectifiable])).toEqual([
      ['sanction_overdue', 'CASE-N / M05', '2025-10-27', '2025-11-10', 8, true],
      ['publicity_overdue', 'XK-A', '2025-11-03', '2025-11-12', 6, true],
    ]);
    expect(page.total).toBe(2);
    expect(page.byKind).toMatchObject({ publicity_overdue: 1, sanction_overdue: 1, missing_submission: 0 });
    expect(page.units).toEqual([{ unitCode: 'C002', unitName: '市市场监管局', districtCode: '990100', count: 2, notifiable: 2 }]);
    expect(page.items[0]!.link).toBe('/sanctions/case/CASE-N?asOf=2025-11-20');
    expect(page.items[1]!.link).toContain('/publicity/items?unit=C002&kind=license&from=2025-11-03&to=2025-11-03');
    // The SQL ages equal the TypeScript calendar's.
    const cal = WorkdayCalendar.fromPackage();
    for (const p of page.items) expect(cal.workdaysBetween(p.deadline!, '2025-11-20').days).toBe(p.workdaysOverdue);
  });

  it('filters by age and sorts by any column; the age filter is inclusive', async () => {
    const older = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...VIEW, ageMin: 7 }));
    expect(older.items.map((p) => p.subject)).toEqual(['CASE-N / M05']);
    const exact = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...VIEW, ageMin: 6, ageMax: 6 }));
    expect(exact.items.map((p) => p.subject)).toEqual(['XK-A']);
    const byDeadline = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...VIEW, sort: 'deadline', dir: 'desc' }));
    expect(byDeadline.items.map((p) => p.deadline)).toEqual(['2025-11-12', '2025-11-10']);
    const paged = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...VIEW, limit: 1 }));
    expect(paged.items).toHaveLength(1);
    const next = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...VIEW, limit: 1, cursor: paged.nextCursor! }));
    expect(next.items.map((p) => p.subject)).toEqual(['XK-A']);
    expect(next.nextCursor).toBeNull();
  });

  it('is scoped: another unit and another district see none of C002’s problems, whatever they ask for', async () => {
    const other = await problemsPage({ kind: 'unit', unitCode: 'C010', districtCode: '990100' }, problemsInput.parse(VIEW));
    expect(other.items).toEqual([]);
    const district = await caller(DISTRICT_990102).inspection.problems(VIEW);
    expect(district.items).toEqual([]);
    const own = await caller(UNIT_C002).inspection.problems({ kinds: VIEW.kinds });
    expect(own.items.map((p) => p.unitCode)).toEqual(['C002', 'C002']);
  });

  it('exports the filtered view as CSV with its row count announced before the rows', async () => {
    const res = await problemsGet(
      new Request('http://test/api/v1/items/problems?unit=C002&kinds=publicity_overdue,sanction_overdue&format=csv', {
        headers: { authorization: `Bearer ${T.marketRead}` },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-rows')).toBe('2');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('逾期未反馈');
    expect(lines[2]).toContain('逾期未公示');
    const xlsx = await problemsGet(new Request('http://test/api/v1/items/problems?format=xlsx&unit=C002', { headers: { authorization: `Bearer ${T.marketRead}` } }));
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const bad = await problemsGet(new Request('http://test/api/v1/items/problems?kinds=nonsense', { headers: { authorization: `Bearer ${T.marketRead}` } }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("unknown kind 'nonsense'");
  });
});

describe('a supervision notice from issue to closure', () => {
  it('only inspectors and the office issue notices', async () => {
    await expect(caller(LEADER).inspection.issue({ unit: 'C002', filters: VIEW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(UNIT_C002).inspection.issue({ unit: 'C002', filters: VIEW })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(INSPECTOR).inspection.issue({ unit: 'C002', filters: { ...VIEW, kinds: ['publicity_late', 'volume_anomaly'] } })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(caller(INSPECTOR).inspection.issue({ unit: 'C002', filters: VIEW, replyWorkdays: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('an inspector issues a numbered, dated notice over the two overdue items with a reply deadline in working days', async () => {
    const issued = await caller(INSPECTOR).inspection.issue({ unit: 'C002', filters: VIEW, replyWorkdays: 5, note: '请立即整改' });
    expect(issued).toMatchObject({ number: '督办〔2025〕第1号', items: 2, issuedOn: '2025-11-20', replyDeadline: '2025-11-27' });
    noticeId = issued.id;
    const n = await caller(INSPECTOR).inspection.notice({ id: noticeId });
    expect(n).toMatchObject({ unitCode: 'C002', unitName: '市市场监管局', districtCode: '990100', status: 'issued', replyWorkdays: 5, note: '请立即整改', acknowledgedOn: null, closedOn: null });
    expect(n.items.map((i) => [i.itemNo, i.kind, i.subject, i.deadline, i.workdaysOverdue, i.rectifiedOn])).toEqual([
      [1, 'sanction_overdue', 'CASE-N / M05', '2025-11-10', 8, null],
      [2, 'publicity_overdue', 'XK-A', '2025-11-12', 6, null],
    ]);
    expect(n.items[1]!.detail).toContain('行政许可决定 XK-A');
    expect(n.events.map((e) => [e.event, e.onDate, e.actor])).toEqual([['issued', '2025-11-20', INSPECTOR.name]]);
    // The list now marks both items as under this notice, and a second notice over the same view finds nothing new.
    const page = await problemsPage({ kind: 'all' }, problemsInput.parse(VIEW));
    expect(page.items.map((p) => p.notice?.number)).toEqual(['督办〔2025〕第1号', '督办〔2025〕第1号']);
    expect(page.units[0]!.notifiable).toBe(0);
    await expect(caller(INSPECTOR).inspection.issue({ unit: 'C002', filters: VIEW })).rejects.toMatchObject({ code: 'CONFLICT' });
    // Issuing is audited.
    const audit = await queryRows(`SELECT detail FROM audit_log WHERE action = 'notice'`, {}, z.object({ detail: z.string() }));
    expect(audit.map((a) => a.detail)).toEqual(['issued 督办〔2025〕第1号 to C002']);
  });

  it('the licence publication arrives on 11-24: its item shows rectified that day, the notice stays open', async () => {
    setToday('2025-11-24');
    const lic = {
      docNo: 'XK-A',
      subjectType: 'legal',
      subjectName: '示范市测试有限公司',
      subjectCode: LEGAL,
      licenseName: '食品经营许可',
      licenseCategory: '普通',
      decisionDate: '2025-11-03',
      validFrom: '2025-11-03',
      content: '准予食品经营许可',
      receivedAt: '2025-11-24 10:00:00',
    };
    expect(await send('licenses', T.market!, [lic])).toMatchObject({ accepted: 1 });
    const n = await caller(INSPECTOR).inspection.notice({ id: noticeId });
    expect(n.items.map((i) => [i.subject, i.rectifiedOn, i.late])).toEqual([
      ['CASE-N / M05', null, false],
      ['XK-A', '2025-11-24', false],
    ]);
    expect(n).toMatchObject({ status: 'issued', rectifiedItems: 1, closedOn: null });
    expect(n.events.map((e) => [e.event, e.itemNo, e.onDate, e.actor])).toEqual([
      ['issued', 0, '2025-11-20', INSPECTOR.name],
      ['rectified', 2, '2025-11-24', 'system'],
    ]);
    // It has left the open-problem list; the other one is still there.
    const page = await problemsPage({ kind: 'all' }, problemsInput.parse(VIEW));
    expect(page.items.map((p) => p.subject)).toEqual(['CASE-N / M05']);
  });

  it('the unit acknowledges on 11-25; a second acknowledgement changes nothing; nobody else may acknowledge', async () => {
    setToday('2025-11-25');
    await expect(caller(INSPECTOR).inspection.acknowledge({ id: noticeId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller(user('unit', { unitCode: 'C010', districtCode: '990100' })).inspection.acknowledge({ id: noticeId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const acked = await caller(UNIT_C002).inspection.acknowledge({ id: noticeId });
    expect(acked).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2025-11-25', acknowledgedBy: UNIT_C002.name });
    setToday('2025-11-26');
    const again = await caller(UNIT_C002).inspection.acknowledge({ id: noticeId });
    expect(again.acknowledgedOn).toBe('2025-11-25');
    expect(again.events.filter((e) => e.event === 'acknowledged')).toHaveLength(1);
  });

  it('the feedback arrives on 12-01, after the reply deadline: the item is rectified late and the notice closes', async () => {
    setToday('2025-12-01');
    expect(await send('feedback', T.market!, [{ caseId: 'CASE-N', measureCode: 'M05', result: 'executed', receivedAt: '2025-12-01 09:00:00' }])).toMatchObject({ accepted: 1 });
    const n = await caller(UNIT_C002).inspection.notice({ id: noticeId });
    expect(n).toMatchObject({ status: 'closed', closedOn: '2025-12-01', rectifiedItems: 2, rectifiedLate: 1, overdue: false });
    expect(n.items.map((i) => [i.subject, i.rectifiedOn, i.late])).toEqual([
      ['CASE-N / M05', '2025-12-01', true],
      ['XK-A', '2025-11-24', false],
    ]);
    expect(n.events.map((e) => e.event)).toEqual(['issued', 'rectified', 'acknowledged', 'rectified', 'closed']);
    // Reading again appends nothing (the events are checked once and recorded once).
    await caller(INSPECTOR).inspection.notices({});
    const { c } = (await queryRows(`SELECT count() AS c FROM notice_events`, {}, z.object({ c: z.number() })))[0]!;
    expect(c).toBe(5);
    expect((await caller(INSPECTOR).inspection.notices({ status: 'closed' })).map((x) => x.number)).toEqual(['督办〔2025〕第1号']);
    expect(await caller(INSPECTOR).inspection.notices({ status: 'open' })).toEqual([]);
  });

  it('follow-up figures as of any date: by unit, by district and in total', async () => {
    const period = { from: '2025-11-01', to: '2025-11-30' };
    const at = async (asOf: string) => {
      const f = await followUpFigures({ ...period, asOf });
      return { unit: f.units.find((u) => u.key === 'C002'), district: f.districts.find((d) => d.key === '990100'), total: f.total, f };
    };
    // 11-24: one item rectified that day, not acknowledged yet, reply deadline not passed.
    const d24 = await at('2025-11-24');
    expect(d24.unit).toMatchObject({ issued: 1, open: 1, overdueForReply: 0, overdueOpen: 0, totalItems: 2, rectifiedItems: 1, rectifiedLate: 0, rectificationRate: 0.5 });
    // 11-28: acknowledged (11-25) but past the deadline with an item still open.
    const d28 = await at('2025-11-28');
    expect(d28.unit).toMatchObject({ open: 1, overdueForReply: 0, overdueOpen: 1, rectifiedItems: 1 });
    // 12-01: closed, one of two items late.
    const d01 = await at('2025-12-01');
    expect(d01.unit).toMatchObject({ issued: 1, open: 0, overdueForReply: 0, overdueOpen: 0, totalItems: 2, rectifiedItems: 2, rectifiedLate: 1, rectificationRate: 1 });
    expect(d01.district).toMatchObject({ issued: 1, totalItems: 2, rectifiedItems: 2, rectificationRate: 1 });
    expect(d01.total).toMatchObject({ issued: 1, rectificationRate: 1 });
    // Units and districts without notices are listed with zeros and no rate.
    expect(d01.f.units.find((u) => u.key === 'C010')).toMatchObject({ issued: 0, totalItems: 0, rectificationRate: null });
    // A period before the notice: nothing issued.
    expect((await followUpFigures({ from: '2025-10-01', to: '2025-10-31', asOf: '2025-12-01' })).total).toMatchObject({ issued: 0, rectificationRate: null });
  });
});

describe('督办整改率 in the assessment', () => {
  it('scores the notices issued in a period by their items rectified as of its end (a what-if, nothing saved)', async () => {
    const indicators: Indicator[] = [
      { code: 'RECTIFY', name: '督办整改率', metric: 'notice_rectification', maxPoints: 100, method: { kind: 'rate', whenUndefined: 'full' }, description: '' },
    ];
    const { whatIf } = await assessmentWhatIf({ period: '2025-11', level: 'unit', indicators });
    const c002 = whatIf.rows.find((r) => r.code === 'C002')!;
    // November is taken as of 11-30: the notice of 11-20 has 2 items, 1 rectified (11-24) → 50 %, 50 of 100 points.
    expect(c002.indicators[0]).toMatchObject({ score: 50, lost: 50, inputs: { numerator: 1, denominator: 2, rate: 0.5 } });
    // Every other member unit had no notice in November: no rate, full marks by the rule; C002 ranks last alone.
    expect(whatIf.rows.filter((r) => r.code !== 'C002').every((r) => r.total === 100)).toBe(true);
    expect(c002.rank).toBe(whatIf.rows.length);
    // The fourth quarter is still running: read as of today (12-01), when both items are rectified.
    const q4 = await assessmentWhatIf({ period: '2025-Q4', level: 'unit', indicators });
    expect(q4.whatIf.rows.find((r) => r.code === 'C002')!.indicators[0]).toMatchObject({ score: 100, inputs: { numerator: 2, denominator: 2, rate: 1 } });
  });
});

describe('who sees which notices', () => {
  let other = { id: '', number: '', unit: '', district: '' };

  it('numbers stay unique when notices are issued at the same moment', async () => {
    // Two units of different districts with submissions missing in November (nothing was ever sent by them).
    const view = { kinds: ['missing_submission'] as Array<'missing_submission'>, from: '2025-11-01', to: '2025-11-30' };
    const page = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...view, district: '990102' }));
    const a = page.units.find((u) => u.notifiable > 0)!;
    const page2 = await problemsPage({ kind: 'all' }, problemsInput.parse({ ...view, district: '990103' }));
    const b = page2.units.find((u) => u.notifiable > 0)!;
    expect(a && b).toBeTruthy();
    const [x, y] = await Promise.all([
      caller(INSPECTOR).inspection.issue({ unit: a.unitCode, filters: view, replyWorkdays: 3 }),
      caller(INSPECTOR).inspection.issue({ unit: b.unitCode, filters: view, replyWorkdays: 3 }),
    ]);
    expect(new Set([x.number, y.number])).toEqual(new Set(['督办〔2025〕第2号', '督办〔2025〕第3号']));
    expect(x.items).toBe(a.notifiable);
    other = { id: x.id, number: x.number, unit: a.unitCode, district: '990102' };
  });

  it('a unit user sees only its own unit’s notices, through tRPC and REST alike', async () => {
    const mine = await caller(UNIT_C002).inspection.notices({});
    expect(mine.map((n) => n.number)).toEqual(['督办〔2025〕第1号']);
    // Asking for another unit's notices by filter or by id finds nothing.
    expect(await caller(UNIT_C002).inspection.notices({ unit: other.unit })).toEqual([]);
    await expect(caller(UNIT_C002).inspection.notice({ id: other.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const rest = await noticeGet(new Request(`http://test/api/v1/notices/${other.id}`, { headers: { authorization: `Bearer ${T.marketRead}` } }), {
      params: Promise.resolve({ id: other.id }),
    });
    expect(rest.status).toBe(404);
    const list = await noticesGet(new Request('http://test/api/v1/notices', { headers: { authorization: `Bearer ${T.marketRead}` } }));
    expect(((await list.json()) as { items: Array<{ number: string }> }).items.map((n) => n.number)).toEqual(['督办〔2025〕第1号']);
  });

  it('a district user reads the notices to its units only and cannot acknowledge; a leader reads all', async () => {
    const seen = await caller(DISTRICT_990102).inspection.notices({});
    expect(seen.map((n) => n.number)).toEqual([other.number]);
    await expect(caller(DISTRICT_990102).inspection.notice({ id: noticeId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(caller(DISTRICT_990102).inspection.acknowledge({ id: other.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await caller(LEADER).inspection.notices({})).map((n) => n.number).sort()).toEqual(['督办〔2025〕第1号', '督办〔2025〕第2号', '督办〔2025〕第3号']);
  });

  it('an unacknowledged notice past its reply deadline counts as overdue for reply', async () => {
    // Issued 12-01 with 3 working days: 2, 3, 4 → deadline 12-04.
    const f = await followUpFigures({ from: '2025-12-01', to: '2025-12-31', asOf: '2025-12-05' });
    expect(f.total).toMatchObject({ issued: 2, open: 2, overdueForReply: 2, overdueOpen: 2, rectifiedItems: 0 });
    expect(f.units.find((u) => u.key === other.unit)).toMatchObject({ issued: 1, overdueForReply: 1 });
    expect(f.districts.find((d) => d.key === '990102')).toMatchObject({ issued: 1, overdueForReply: 1 });
  });
});
