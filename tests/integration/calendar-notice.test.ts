/**
 * Issue 14: the 2027 State Council notice imported through POST /api/v1/admin/calendar/notice, and every figure follows.
 * chinese-days stops at 2026, so before the import 2027 is guessed Mon–Fri. Worked out on paper:
 *   XK-Y  C002 licence decision 2026-12-28 (Mon), registered that day, published 2027-01-07 (Thu).
 *         Mon–Fri guess: 29, 30, 31 Dec, Fri 1 Jan, 4, 5, 6 Jan → deadline 2027-01-06, published one working day late.
 *         With the notice (元旦 1–3 Jan off): 29, 30, 31 Dec, 4, 5, 6, 7 Jan → deadline 2027-01-07, published on time.
 *   A local override on the package's 2026-12-29 (Tue, a day off for the city) moves the deadline once more: 2027-01-08.
 * Today is pinned to 2027-01-11 (APP_TODAY) so the decision and its publication are in the past.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { POST as noticePost } from '@/app/api/v1/admin/calendar/notice/route';
import { GET as calendarGet } from '@/app/api/v1/calendar/route';
import { GET as healthGet } from '@/app/api/health/route';
import { POST as ingestPost } from '@/app/api/v1/ingest/[stream]/route';
import { GET as itemsGet } from '@/app/api/v1/items/publicity/route';
import { GET as kpiGet } from '@/app/api/v1/kpi/publicity/route';
import type { Principal } from '@/server/auth/roles';
import { createToken } from '@/server/auth/tokens';
import { calendarOutlook } from '@/server/calendar/outlook';
import { queryRows } from '@/server/db/query';
import { refreshPublicityCube, setPublicityAutoRefresh } from '@/server/metrics/publicity';
import { createCallerFactory } from '@/server/trpc/init';
import { appRouter } from '@/server/trpc/router';
import { NOTICE_2027 } from './_notice2027';
import { LEGAL, nd } from './_rows';
import { freshDatabase } from './_db';

await freshDatabase({ today: '2027-01-11' });
setPublicityAutoRefresh(false);

const T: Record<string, string> = {};
const ADMIN: Principal = { kind: 'user', id: 'admin-cal', name: 'admin@cal.test', role: 'admin', districtCode: '', unitCode: '', tokenScopes: [] };
const admin = createCallerFactory(appRouter)({ requestId: 'cal-trpc', ip: '127.0.0.9', principal: ADMIN });

async function send(stream: string, rows: unknown[]) {
  const res = await ingestPost(
    new Request(`http://test/api/v1/ingest/${stream}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${T.backfill}` },
      body: nd(...rows),
    }),
    { params: Promise.resolve({ stream }) },
  );
  return (await res.json()) as { accepted: number; rejected: number };
}

const postNotice = (body: unknown, token = T.admin) =>
  noticePost(
    new Request('http://test/api/v1/admin/calendar/notice', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': 'cal-rest' },
      body: JSON.stringify(body),
    }),
  );

const getJson = async (handler: (req: Request) => Promise<Response>, url: string) => {
  const res = await handler(new Request(url, { headers: { authorization: `Bearer ${T.read}` } }));
  return { status: res.status, body: await res.json() };
};

/** The decision's deadline and status as the items list shows them. */
async function decisionXKY() {
  const { status, body } = await getJson(itemsGet, 'http://test/api/v1/items/publicity?from=2026-12-28&to=2026-12-28&unit=C002');
  expect(status).toBe(200);
  const item = (body.items as Array<{ docNo: string; deadline: string; status: string; delay: number; calendarKnown: boolean }>).find((i) => i.docNo === 'XK-Y');
  return item && { deadline: item.deadline, status: item.status, delay: item.delay, known: item.calendarKnown };
}

/** The C002 figures of that day, as the KPI answers them. */
async function figure() {
  const { status, body } = await getJson(kpiGet, 'http://test/api/v1/kpi/publicity?from=2026-12-28&to=2026-12-28&unit=C002');
  expect(status).toBe(200);
  return { onTime: body.total.onTime, late: body.total.late, onTimeRate: body.total.onTimeRate, calendarWarning: body.calendarWarning };
}

beforeAll(async () => {
  T.backfill = (await createToken({ name: 'mkt-bf', unitCode: 'C002', scopes: ['backfill'], createdBy: 't' })).token;
  T.read = (await createToken({ name: 'mkt-read', unitCode: 'C002', scopes: ['read'], createdBy: 't' })).token;
  T.admin = (await createToken({ name: 'adm', unitCode: 'C001', scopes: ['admin'], createdBy: 't' })).token;
  expect(
    await send('decisions', [
      { kind: 'license', docNo: 'XK-Y', decisionDate: '2026-12-28', subjectName: '示范市测试有限公司', subjectCode: LEGAL, receivedAt: '2026-12-28 17:00:00' },
    ]),
  ).toMatchObject({ accepted: 1, rejected: 0 });
  expect(
    await send('licenses', [
      {
        docNo: 'XK-Y',
        subjectType: 'legal',
        subjectName: '示范市测试有限公司',
        subjectCode: LEGAL,
        licenseName: '食品经营许可',
        licenseCategory: '普通',
        decisionDate: '2026-12-28',
        validFrom: '2026-12-28',
        receivedAt: '2027-01-07 10:00:00',
      },
    ]),
  ).toMatchObject({ accepted: 1, rejected: 0 });
}, 300_000);

describe('before the 2027 notice', () => {
  it('guesses 2027 Mon–Fri: the decision of 2026-12-28 is due 2027-01-06 and was published late, with a warning', async () => {
    await refreshPublicityCube({ force: true }); // the figure below is read from a built cube, keyed on the calendar hash
    expect(await decisionXKY()).toEqual({ deadline: '2027-01-06', status: 'late', delay: 8, known: false });
    expect(await figure()).toEqual({ onTime: 0, late: 1, onTimeRate: 0, calendarWarning: true });
  });

  it('says in health that 2027 is not known', async () => {
    const h = await (await healthGet()).json();
    expect(h.calendar.knownYears).toEqual({ from: 2004, to: 2026, noticeYears: [] });
    expect(h.calendar.warning).toContain('2004–2026');
  });

  it('warns (from 1 November) of the open items whose deadline falls in the unknown year', async () => {
    expect(await calendarOutlook('2026-10-31')).toBeNull();
    // As of 2026-12-30 the decision is unpublished and due 2027-01-06 (guessed).
    expect(await calendarOutlook('2026-12-30')).toEqual({ year: 2027, publicity: 1, sanctions: 0, total: 1 });
    expect(await calendarOutlook('2026-11-02')).toEqual({ year: 2027, publicity: 0, sanctions: 0, total: 0 });
  });

  it('answers GET /api/v1/calendar with Mon–Fri guesses for 2027', async () => {
    const { status, body } = await getJson(calendarGet, 'http://test/api/v1/calendar?from=2026-12-31&to=2027-01-04');
    expect(status).toBe(200);
    expect(body.days).toEqual([
      { date: '2026-12-31', workday: true, kind: 'workday', known: true, source: 'package', name: '' },
      { date: '2027-01-01', workday: true, kind: 'workday', known: false, source: 'weekday_rule', name: '' },
      { date: '2027-01-02', workday: false, kind: 'weekend', known: false, source: 'weekday_rule', name: '' },
      { date: '2027-01-03', workday: false, kind: 'weekend', known: false, source: 'weekday_rule', name: '' },
      { date: '2027-01-04', workday: true, kind: 'workday', known: false, source: 'weekday_rule', name: '' },
    ]);
  });
});

describe('POST /api/v1/admin/calendar/notice', () => {
  it('refuses a bad body with a 400 naming the field, a non-admin with 403, a notice without holiday with the reason', async () => {
    const bad = await postNotice({ year: 'next', text: NOTICE_2027 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('year:');
    const noText = await postNotice({ year: 2027 });
    expect(noText.status).toBe(400);
    expect((await noText.json()).error).toContain('text:');
    expect((await postNotice({ year: 2027, text: NOTICE_2027, dryRun: false }, T.read)).status).toBe(403);
    const empty = await postNotice({ year: 2027, text: '国务院办公厅关于2027年部分节假日安排的通知\n节假日期间，各地区要妥善安排。', dryRun: false });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error).toContain('no holiday for 2027');
    const garbled = await postNotice({ year: 2027, text: '一、元旦：1月1日至3日放假，共5天。', dryRun: true });
    expect(garbled.status).toBe(400);
    expect((await garbled.json()).details.unparsed[0]).toMatchObject({ line: 1 });
  });

  it('previews a dry run: the holidays, adjusted working days and the changes against the calendar in force, saving nothing', async () => {
    const res = await postNotice({ year: 2027, text: NOTICE_2027, dryRun: true });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.saved).toBe(false);
    expect(body.unparsed).toEqual([]);
    expect(body.holidays).toHaveLength(28);
    expect(body.holidays.slice(0, 3)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(body.adjustedWorkdays).toEqual(['2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09']);
    // A weekday holiday was a guessed working day; a weekend holiday was a weekend; an adjusted working day was a weekend.
    expect(body.changes.slice(0, 3)).toEqual([
      { date: '2027-01-01', from: 'workday', to: 'holiday' },
      { date: '2027-01-02', from: 'weekend', to: 'holiday' },
      { date: '2027-01-03', from: 'weekend', to: 'holiday' },
    ]);
    expect(body.changes).toContainEqual({ date: '2027-02-20', from: 'weekend', to: 'adjusted_workday' });
    expect(body.changes).toHaveLength(33);
    expect(await decisionXKY()).toMatchObject({ deadline: '2027-01-06' });
  });

  it('saves the notice with dryRun false: the deadline comes from it, the figure computed before changes, health knows 2027', async () => {
    const res = await postNotice({ year: 2027, text: NOTICE_2027, dryRun: false });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ year: 2027, saved: true, unparsed: [] });

    expect(await decisionXKY()).toEqual({ deadline: '2027-01-07', status: 'on_time', delay: 7, known: true });
    expect(await figure()).toEqual({ onTime: 1, late: 0, onTimeRate: 1, calendarWarning: false });

    const h = await (await healthGet()).json();
    expect(h.calendar.knownYears).toEqual({ from: 2004, to: 2027, noticeYears: [2027] });
    expect(h.calendar.warning).toBeNull();
    expect(await calendarOutlook('2026-12-30')).toBeNull();

    const audit = await queryRows(
      "SELECT actor, target, request_id AS requestId FROM audit_log WHERE action = 'admin_change' AND target LIKE 'calendar:%'",
      {},
      z.object({ actor: z.string(), target: z.string(), requestId: z.string() }),
    );
    expect(audit).toEqual([{ actor: 'adm', target: 'calendar:notice:2027', requestId: 'cal-rest' }]);
  });

  it('answers GET /api/v1/calendar from the notice: holidays overridden, the other days of 2027 known', async () => {
    const { body } = await getJson(calendarGet, 'http://test/api/v1/calendar?from=2027-01-01&to=2027-01-04');
    expect(body.days).toEqual([
      { date: '2027-01-01', workday: false, kind: 'holiday', known: true, source: 'override', name: '元旦' },
      { date: '2027-01-02', workday: false, kind: 'holiday', known: true, source: 'override', name: '元旦' },
      { date: '2027-01-03', workday: false, kind: 'holiday', known: true, source: 'override', name: '元旦' },
      { date: '2027-01-04', workday: true, kind: 'workday', known: true, source: 'notice', name: '' },
    ]);
    const feb20 = await getJson(calendarGet, 'http://test/api/v1/calendar?from=2027-02-20&to=2027-02-20');
    expect(feb20.body.days[0]).toMatchObject({ workday: true, kind: 'adjusted_workday', source: 'override' });
  });

  it('refuses an impossible date, a range over about three years and one out of order, naming the field', async () => {
    const impossible = await getJson(calendarGet, 'http://test/api/v1/calendar?from=2027-02-29&to=2027-03-31');
    expect(impossible.status).toBe(400);
    expect(impossible.body.error).toContain('from:');
    const long = await getJson(calendarGet, 'http://test/api/v1/calendar?from=2024-01-01&to=2027-12-31');
    expect(long.status).toBe(400);
    expect(long.body.error).toContain('to:');
    const reversed = await getJson(calendarGet, 'http://test/api/v1/calendar?from=2027-02-01&to=2027-01-01');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error).toContain('开始日期不能晚于结束日期');
    expect((await getJson(calendarGet, 'http://test/api/v1/calendar?from=2025-01-01&to=2027-12-31')).status).toBe(200);
  });
});

describe('an override wins over the package for a known year', () => {
  it('a toggled day of 2026 (a local day off) is audited with its reason and moves the deadline again', async () => {
    await expect(admin.admin.calendarToggle({ date: '2026-12-29', reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const day = await admin.admin.calendarToggle({ date: '2026-12-29', reason: '本市地方性假日' });
    expect(day).toMatchObject({ date: '2026-12-29', workday: false, kind: 'holiday', source: 'override', override: { by: ADMIN.name, reason: '本市地方性假日' } });
    expect(await decisionXKY()).toEqual({ deadline: '2027-01-08', status: 'on_time', delay: 6, known: true });
    const audit = await queryRows(
      "SELECT actor, detail, request_id AS requestId FROM audit_log WHERE target = 'calendar:2026-12-29'",
      {},
      z.object({ actor: z.string(), detail: z.string(), requestId: z.string() }),
    );
    expect(audit).toEqual([{ actor: ADMIN.name, detail: 'workday → holiday: 本市地方性假日', requestId: 'cal-trpc' }]);

    // The year view shows it; toggling it again makes it a working day (still an override, with the new reason).
    const year = await admin.admin.calendarYear({ year: 2026 });
    expect(year.known).toBe(true);
    expect(year.days.find((d) => d.date === '2026-12-29')).toMatchObject({ kind: 'holiday', source: 'override' });
    expect(year.days.find((d) => d.date === '2026-12-28')).toMatchObject({ kind: 'workday', source: 'package', override: null });
    const back = await admin.admin.calendarToggle({ date: '2026-12-29', reason: '撤销' });
    expect(back).toMatchObject({ workday: true, kind: 'workday', source: 'override' });
    expect(await decisionXKY()).toMatchObject({ deadline: '2027-01-07' });
  });

  it('re-importing the year replaces its overrides, toggles included', async () => {
    await admin.admin.calendarToggle({ date: '2027-03-01', reason: '测试' });
    expect((await admin.admin.calendarYear({ year: 2027 })).days.find((d) => d.date === '2027-03-01')).toMatchObject({ workday: false });
    const again = await admin.admin.calendarNotice({ year: 2027, text: NOTICE_2027, dryRun: false });
    expect(again.changes).toEqual([{ date: '2027-03-01', from: 'holiday', to: 'workday' }]);
    const year = await admin.admin.calendarYear({ year: 2027 });
    expect(year).toMatchObject({ year: 2027, known: true, notice: { by: ADMIN.name } });
    expect(year.days.find((d) => d.date === '2027-03-01')).toMatchObject({ workday: true, source: 'notice' });
  });
});
