/**
 * Supervision notices (督办通知单): issued by an inspector (or the office) to one unit over the open problems of a view,
 * acknowledged by the unit's users, rectified item by item as the data shows (rectification.ts), closed when every
 * item is. Numbers 督办〔year〕第N号 run per year of issue.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ClientError } from '../errors';
import { writeAudit } from '../auth/audit';
import { itemScopeOf, type ItemScope, type Principal } from '../auth/roles';
import { shanghaiTimestamp, today } from '../clock';
import { recordDataChange } from '../db/dataVersions';
import { insertRows, queryOne } from '../db/query';
import { isoDate, periodOrderIssue, periodInOrder } from '../domain/period';
import { describeZh } from './describe';
import { isRectifiable, RECTIFIABLE_KINDS, type ProblemKind } from './kinds';
import { collectProblems, problemFilters, resolveProblemFilters, sortProblems, type Problem } from './problems';
import { names } from '../reference/names';
import { deadlineSql } from '../calendar/timeliness';
import { listUnits } from '../reference/queries';
import { serialized } from './lock';
import { readNoticeEvents, readNoticeItems, readNotices, type NoticeEventRow, type NoticeFilter, type NoticeRow } from './store';

/** A client mistake in a notice request: its message says what to fix. */
export class NoticeError extends ClientError {
  constructor(status: 400 | 403 | 404 | 409, message: string) {
    super(status, message);
    this.name = 'NoticeError';
  }
}

/** Items per notice: a notice is a document a unit works through; a bigger view is narrowed first. */
export const MAX_NOTICE_ITEMS = 500;

export const issueInput = z.object({
  /** The unit the notice goes to. */
  unit: z
    .string()
    .min(1, '请选择单位 (choose the unit)')
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, '单位代码无效 (invalid unit code)'),
  /** The filters of the view it is issued from (asOf is always the issue date). */
  filters: problemFilters.default({}),
  /** Only these problems of the view (keys from the list); all notifiable ones of the unit when left out. */
  keys: z.array(z.string().max(400)).max(MAX_NOTICE_ITEMS).optional(),
  replyWorkdays: z.coerce.number().int().min(1, '回复期限至少 1 个工作日 (at least 1 working day)').max(60, '回复期限至多 60 个工作日 (at most 60 working days)').default(10),
  note: z.string().max(1000, '说明不超过 1000 字 (note too long)').default(''),
});
export type IssueInput = z.input<typeof issueInput>;

export const noticeNumber = (year: number, seq: number) => `督办〔${year}〕第${seq}号`;

const ISSUERS = new Set(['admin', 'inspector']);

/**
 * Issue a notice over the open, rectifiable problems of a view for one unit, recomputed here as of today (never taken
 * from the client), less those already listed by a notice. Answers its id and number.
 */
export async function issueNotice(
  principal: Principal,
  raw: IssueInput,
  ctx: { ip?: string; requestId?: string } = {},
): Promise<{ id: string; number: string; items: number; issuedOn: string; replyDeadline: string }> {
  if (!ISSUERS.has(principal.role)) throw new NoticeError(403, '只有督查人员和信用办可以下发督办通知单 (only inspectors and the office issue notices)');
  const parsed = issueInput.safeParse(raw);
  if (!parsed.success) throw new NoticeError(400, parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
  const input = parsed.data;
  const unit = (await listUnits()).find((u) => u.code === input.unit);
  if (!unit) throw new NoticeError(400, `单位 ${input.unit} 不存在 (unknown unit)`);
  if (input.filters.unit && input.filters.unit !== unit.code) throw new NoticeError(400, '视图已筛选为其他单位 (the view is filtered to another unit)');
  const asked = input.filters.kinds;
  const kinds = (asked?.length ? asked : [...RECTIFIABLE_KINDS]).filter(isRectifiable) as ProblemKind[];
  if (kinds.length === 0) {
    throw new NoticeError(400, '所选问题类型（超期公示、数据量异常）无法通过数据确认整改，不能督办 (late publications and volume anomalies cannot be notified)');
  }
  const issuedOn = today();
  const f = resolveProblemFilters({ ...input.filters, unit: unit.code, district: undefined, asOf: issuedOn, kinds });
  let list = (await collectProblems({ kind: 'all' }, f)).filter((p) => p.rectifiable && p.unitCode === unit.code && !p.notice);
  if (input.keys) {
    const wanted = new Set(input.keys);
    list = list.filter((p) => wanted.has(p.key));
  }
  if (list.length === 0) {
    throw new NoticeError(409, '该视图中没有可督办的未整改问题（可能已整改或已在其他通知单中）(no open problems to notify: put right already or listed by another notice)');
  }
  if (list.length > MAX_NOTICE_ITEMS) {
    throw new NoticeError(400, `一份通知单最多 ${MAX_NOTICE_ITEMS} 项，当前 ${list.length} 项：请缩小筛选范围 (at most ${MAX_NOTICE_ITEMS} items: narrow the view)`);
  }
  sortProblems(list, 'age', 'desc');
  const id = randomUUID();
  const { deadline } = await queryOne(
    `-- inspection: reply deadline\n SELECT toString(${deadlineSql('{d:Date}', '{n:UInt32}')}) AS deadline`,
    { d: issuedOn, n: input.replyWorkdays },
    z.object({ deadline: z.string() }),
  );
  const year = Number(issuedOn.slice(0, 4));
  // Numbers come from the highest of the year + 1, one issue at a time in the process (lock.ts).
  const number = await serialized('notice-number', async () => {
    const { seq } = await queryOne(
      `-- inspection: last notice number of the year\n SELECT toUInt32(max(seq)) AS seq FROM notices WHERE year = {year:UInt16}`,
      { year },
      z.object({ seq: z.number() }),
    );
    const n = noticeNumber(year, seq + 1);
    const at = shanghaiTimestamp();
    await insertRows('notice_items', list.map((p, i) => itemRow(id, i + 1, p)));
    await insertRows('notices', [
      {
        notice_id: id,
        year,
        seq: seq + 1,
        number: n,
        unit_code: unit.code,
        district_code: unit.districtCode,
        issued_on: issuedOn,
        reply_workdays: input.replyWorkdays,
        reply_deadline: deadline,
        issued_by_id: principal.id,
        issued_by: principal.name,
        note: input.note,
        view_filters: JSON.stringify({ ...input.filters, unit: unit.code }),
        created_at: at,
      },
    ]);
    await insertRows('notice_events', [
      { notice_id: id, event: 'issued', item_no: 0, on_date: issuedOn, at, actor_id: principal.id, actor: principal.name, detail: `${list.length} items` },
    ]);
    await recordDataChange(['notices']);
    return n;
  });
  await writeAudit({
    action: 'notice',
    actor: principal,
    target: `notices/${id}`,
    filters: input.filters,
    rowCount: list.length,
    ip: ctx.ip,
    requestId: ctx.requestId,
    detail: `issued ${number} to ${unit.code}`,
  });
  return { id, number, items: list.length, issuedOn, replyDeadline: deadline };
}

function itemRow(noticeId: string, itemNo: number, p: Problem) {
  return {
    notice_id: noticeId,
    item_no: itemNo,
    kind: p.kind,
    item_key: p.key,
    unit_code: p.unitCode,
    district_code: p.districtCode,
    subject: p.subject,
    detail: describeZh(p),
    item_date: p.date,
    deadline: p.deadline,
    workdays_overdue: p.workdaysOverdue,
    link: p.link,
  };
}

export type NoticeStatus = 'issued' | 'acknowledged' | 'closed';
export const NOTICE_STATUSES = ['issued', 'acknowledged', 'closed'] as const;

export type NoticeSummary = NoticeRow & {
  unitName: string;
  districtName: string;
  status: NoticeStatus;
  /** Not closed and past its reply deadline (as of today). */
  overdue: boolean;
  /** Not acknowledged and past its reply deadline (as of today). */
  overdueForReply: boolean;
};

async function summarize(rows: NoticeRow[]): Promise<NoticeSummary[]> {
  const n = await names();
  const now = today();
  return rows.map((r) => ({
    ...r,
    unitName: n.units.get(r.unitCode)?.name ?? r.unitCode,
    districtName: n.districtNames.get(r.districtCode) ?? r.districtCode,
    status: r.closedOn ? 'closed' : r.acknowledgedOn ? 'acknowledged' : 'issued',
    overdue: !r.closedOn && now > r.replyDeadline,
    overdueForReply: !r.acknowledgedOn && now > r.replyDeadline,
  }));
}

export const noticeListInput = z.object({
  status: z.enum(['open', 'closed', ...NOTICE_STATUSES]).optional(),
  unit: z.string().max(40).optional(),
  district: z.string().max(20).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
}).refine(periodInOrder, periodOrderIssue());
export type NoticeListInput = z.infer<typeof noticeListInput>;

/** Notices the caller may see (scope in SQL); `status=open` = not closed. */
export async function listNotices(scope: ItemScope, input: NoticeListInput = {}): Promise<NoticeSummary[]> {
  const filter: NoticeFilter = { unit: input.unit, district: input.district, from: input.from, to: input.to };
  const rows = await summarize(await readNotices(scope, filter));
  const s = input.status;
  return s ? rows.filter((r) => (s === 'open' ? r.status !== 'closed' : r.status === s)) : rows;
}

export type NoticeDetail = NoticeSummary & {
  items: Array<Awaited<ReturnType<typeof readNoticeItems>>[number] & { late: boolean }>;
  events: NoticeEventRow[];
};

/** One notice with its items (rectified on, late) and events; 404 when it does not exist or lies outside the scope. */
export async function getNotice(scope: ItemScope, id: string): Promise<NoticeDetail> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NoticeError(404, '通知单不存在 (no such notice)');
  const [row] = await summarize(await readNotices(scope, { ids: [id.toLowerCase()] }));
  if (!row) throw new NoticeError(404, '通知单不存在 (no such notice)');
  const [items, events] = await Promise.all([readNoticeItems([row.id]), readNoticeEvents(row.id)]);
  return { ...row, items: items.map((i) => ({ ...i, late: i.rectifiedOn !== null && i.rectifiedOn > row.replyDeadline })), events };
}

/** The unit acknowledges its notice (its own users only); acknowledging twice changes nothing. */
export async function acknowledgeNotice(principal: Principal, id: string, ctx: { ip?: string; requestId?: string } = {}): Promise<NoticeDetail> {
  if (principal.role !== 'unit') throw new NoticeError(403, '只有被督办单位的用户可以签收 (only the unit’s users acknowledge)');
  const scope = itemScopeOf(principal);
  const notice = await getNotice(scope, id);
  if (notice.unitCode !== principal.unitCode) throw new NoticeError(404, '通知单不存在 (no such notice)');
  if (notice.acknowledgedOn) return notice;
  await serialized(`notice-ack-${notice.id}`, async () => {
    await insertRows('notice_events', [
      { notice_id: notice.id, event: 'acknowledged', item_no: 0, on_date: today(), at: shanghaiTimestamp(), actor_id: principal.id, actor: principal.name, detail: '' },
    ]);
    await recordDataChange(['notices']);
  });
  await writeAudit({ action: 'notice', actor: principal, target: `notices/${notice.id}`, ip: ctx.ip, requestId: ctx.requestId, detail: `acknowledged ${notice.number}` });
  return getNotice(scope, id);
}
