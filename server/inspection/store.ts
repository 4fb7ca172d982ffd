/**
 * Reading notices (clickhouse/migrations/011_inspection.sql). A notice's state is read from its events: the first
 * event of each kind (per item for 'rectified') counts, so a duplicate append never changes anything.
 */
import { z } from 'zod';
import { itemScopeSql, type ItemScope } from '../auth/roles';
import { queryRows } from '../db/query';

export const NOTICE_EVENTS = ['issued', 'acknowledged', 'rectified', 'closed'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

const noticeRow = z.object({
  id: z.string(),
  number: z.string(),
  year: z.number(),
  seq: z.number(),
  unitCode: z.string(),
  districtCode: z.string(),
  issuedOn: z.string(),
  replyWorkdays: z.number(),
  replyDeadline: z.string(),
  issuedBy: z.string(),
  note: z.string(),
  viewFilters: z.string(),
  itemCount: z.number(),
  rectifiedItems: z.number(),
  rectifiedLate: z.number(),
  acknowledgedOn: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export type NoticeRow = z.infer<typeof noticeRow>;

/** First event per (notice, event, item): the one that counts. */
const FIRST_EVENTS = `
  SELECT notice_id, event, item_no, argMin(on_date, at) AS first_on, argMin(actor, at) AS first_actor, min(at) AS first_at
  FROM notice_events
  WHERE notice_id IN (SELECT notice_id FROM sel)
  GROUP BY notice_id, event, item_no`;

export type NoticeFilter = {
  ids?: string[];
  unit?: string;
  district?: string;
  /** Issue dates, inclusive. */
  from?: string;
  to?: string;
};

/**
 * Notices in the caller's item scope (district/unit of the notice's unit, in SQL) and the filters, newest first, with
 * their item counts and the dates of acknowledgement and closure; rectification counted as recorded so far.
 */
export function readNotices(scope: ItemScope, f: NoticeFilter = {}): Promise<NoticeRow[]> {
  const scoped = itemScopeSql(scope, { district: 'district_code', unit: 'unit_code' });
  const where = [
    scoped.sql,
    f.ids ? 'toString(notice_id) IN {ids:Array(String)}' : '',
    f.unit ? 'unit_code = {unit:String}' : '',
    f.district ? 'district_code = {district:String}' : '',
    f.from ? 'issued_on >= {from:Date}' : '',
    f.to ? 'issued_on <= {to:Date}' : '',
  ].filter(Boolean);
  return queryRows(
    `-- inspection: notices
     WITH sel AS (SELECT * FROM notices WHERE ${where.join(' AND ')}),
          ev AS (${FIRST_EVENTS}),
          items AS (SELECT notice_id, count() AS n FROM notice_items WHERE notice_id IN (SELECT notice_id FROM sel) GROUP BY notice_id)
     SELECT toString(n.notice_id) AS id, n.number AS number, n.year AS year, n.seq AS seq, n.unit_code AS unitCode,
            n.district_code AS districtCode, toString(n.issued_on) AS issuedOn, n.reply_workdays AS replyWorkdays,
            toString(n.reply_deadline) AS replyDeadline, n.issued_by AS issuedBy, n.note AS note, n.view_filters AS viewFilters,
            ifNull(i.n, 0) AS itemCount,
            countIf(e.event = 'rectified') AS rectifiedItems,
            countIf(e.event = 'rectified' AND e.first_on > n.reply_deadline) AS rectifiedLate,
            if(countIf(e.event = 'acknowledged') > 0, toString(minIf(e.first_on, e.event = 'acknowledged')), NULL) AS acknowledgedOn,
            if(countIf(e.event = 'acknowledged') > 0, argMinIf(e.first_actor, e.first_at, e.event = 'acknowledged'), NULL) AS acknowledgedBy,
            if(countIf(e.event = 'closed') > 0, toString(minIf(e.first_on, e.event = 'closed')), NULL) AS closedOn
     FROM sel AS n
     LEFT JOIN items AS i ON i.notice_id = n.notice_id
     LEFT JOIN ev AS e ON e.notice_id = n.notice_id
     GROUP BY n.notice_id, n.number, n.year, n.seq, n.unit_code, n.district_code, n.issued_on, n.reply_workdays,
              n.reply_deadline, n.issued_by, n.note, n.view_filters, i.n
     ORDER BY n.issued_on DESC, n.year DESC, n.seq DESC`,
    { ...scoped.params, ids: f.ids ?? [], unit: f.unit ?? '', district: f.district ?? '', from: f.from ?? null, to: f.to ?? null },
    noticeRow,
  );
}

const itemRow = z.object({
  noticeId: z.string(),
  itemNo: z.number(),
  kind: z.string(),
  key: z.string(),
  unitCode: z.string(),
  districtCode: z.string(),
  subject: z.string(),
  detail: z.string(),
  date: z.string(),
  deadline: z.string().nullable(),
  workdaysOverdue: z.number(),
  link: z.string(),
  rectifiedOn: z.string().nullable(),
});
export type NoticeItemRow = z.infer<typeof itemRow>;

/** The items of notices with their rectification date (the first 'rectified' event), in item order. */
export function readNoticeItems(noticeIds: readonly string[]): Promise<NoticeItemRow[]> {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return queryRows(
    `-- inspection: notice items
     WITH sel AS (SELECT notice_id FROM notices WHERE toString(notice_id) IN {ids:Array(String)}),
          ev AS (${FIRST_EVENTS})
     SELECT toString(i.notice_id) AS noticeId, i.item_no AS itemNo, i.kind AS kind, i.item_key AS key, i.unit_code AS unitCode,
            i.district_code AS districtCode, i.subject AS subject, i.detail AS detail, toString(i.item_date) AS date,
            if(isNull(i.deadline), NULL, toString(assumeNotNull(i.deadline))) AS deadline, i.workdays_overdue AS workdaysOverdue,
            i.link AS link, if(e.notice_id = i.notice_id, toString(e.first_on), NULL) AS rectifiedOn
     FROM notice_items AS i
     LEFT JOIN (SELECT * FROM ev WHERE event = 'rectified') AS e ON e.notice_id = i.notice_id AND e.item_no = i.item_no
     WHERE toString(i.notice_id) IN {ids:Array(String)}
     ORDER BY i.notice_id, i.item_no`,
    { ids: [...noticeIds] },
    itemRow,
  );
}

const eventRow = z
  .object({ noticeId: z.string(), event: z.enum(NOTICE_EVENTS), itemNo: z.number(), onDate: z.string(), recordedAt: z.string(), firstActor: z.string(), firstDetail: z.string() })
  .transform(({ firstActor, firstDetail, ...e }) => ({ ...e, actor: firstActor, detail: firstDetail }));
export type NoticeEventRow = z.output<typeof eventRow>;

/** The events that count of one notice (first per kind and item), in the order they were recorded. */
export function readNoticeEvents(noticeId: string): Promise<NoticeEventRow[]> {
  return queryRows(
    `-- inspection: notice events
     SELECT toString(notice_id) AS noticeId, event, item_no AS itemNo, toString(argMin(on_date, at)) AS onDate,
            toString(min(at)) AS recordedAt, argMin(actor, at) AS firstActor, argMin(detail, at) AS firstDetail
     FROM notice_events WHERE toString(notice_id) = {id:String}
     GROUP BY notice_id, event, item_no
     ORDER BY recordedAt, indexOf(['issued', 'acknowledged', 'rectified', 'closed'], event), item_no`,
    { id: noticeId },
    eventRow,
  );
}

/** Item keys listed by a notice, with the latest notice listing each: the workbench marks them as under notice. */
export async function latestNoticeOfItems(): Promise<Map<string, { id: string; number: string }>> {
  const rows = await queryRows(
    `-- inspection: items under notice
     SELECT i.item_key AS key, toString(argMax(n.notice_id, (n.issued_on, n.created_at))) AS id,
            argMax(n.number, (n.issued_on, n.created_at)) AS number
     FROM notice_items AS i INNER JOIN notices AS n ON n.notice_id = i.notice_id
     GROUP BY i.item_key`,
    {},
    z.object({ key: z.string(), id: z.string(), number: z.string() }),
  );
  return new Map(rows.map((r) => [r.key, { id: r.id, number: r.number }]));
}

/** Items of notices not closed yet that have no 'rectified' event: what the rectification check looks at. */
export function readOpenItems(): Promise<NoticeItemRow[]> {
  return queryRows(
    `-- inspection: open notice items
     WITH sel AS (SELECT notice_id FROM notices WHERE notice_id NOT IN (SELECT notice_id FROM notice_events WHERE event = 'closed'))
     SELECT toString(i.notice_id) AS noticeId, i.item_no AS itemNo, i.kind AS kind, i.item_key AS key, i.unit_code AS unitCode,
            i.district_code AS districtCode, i.subject AS subject, i.detail AS detail, toString(i.item_date) AS date,
            if(isNull(i.deadline), NULL, toString(assumeNotNull(i.deadline))) AS deadline, i.workdays_overdue AS workdaysOverdue,
            i.link AS link, CAST(NULL AS Nullable(String)) AS rectifiedOn
     FROM notice_items AS i
     WHERE i.notice_id IN (SELECT notice_id FROM sel)
       AND (i.notice_id, i.item_no) NOT IN (SELECT notice_id, item_no FROM notice_events WHERE event = 'rectified')
     ORDER BY i.notice_id, i.item_no`,
    {},
    itemRow,
  );
}
