/**
 * Rectification of notice items, decided from the data each time data is committed (an ingestion batch, a backfill, a run of
 * the demo generator: server/ingest/afterCommit.ts), never as a side effect of a read, with each module's own definitions, then recorded
 * as append-only 'rectified' events carrying the date the data shows (so "put right late" = after the reply deadline
 * is a fact of the record); a notice whose items are all rectified gets a 'closed' event dated by its last one.
 *   publicity_overdue   the decision is published (publication date = first accepted receipt, decisionsFrom)
 *   sanction_overdue    the push is answered (answer date = first receipt of the feedback, pushesSql)
 *   missing_submission  an accepted row of the item from the unit was received on or after the window start
 *   rejected_unresent   an accepted row with the same key was received after the rejection (unresent.ts)
 * Only data up to today counts. Checks run one at a time in the process; callers arriving while one runs share the
 * next run, which starts after it, so a commit's check always sees that commit's rows.
 */
import { TupleParam } from '@clickhouse/client';
import { z } from 'zod';
import { shanghaiTimestamp, today } from '../clock';
import { recordDataChange } from '../db/dataVersions';
import { insertRows, queryRows } from '../db/query';
import { resendOf } from '../metrics/ingestion/unresent';
import { parseProblemKey, type ProblemRef } from './kinds';
import { decisionsFrom } from '../metrics/publicity/cube';
import { filterParams, pushesSql } from '../metrics/sanctions/pushes';
import { readOpenItems, type NoticeItemRow } from './store';

type Found = { item: NoticeItemRow; on: string; detail: string };
type Open = { item: NoticeItemRow; ref: ProblemRef };

async function publicationsOf(items: Open[], asOf: string): Promise<Found[]> {
  const refs = items.map((o) => ({ o, r: o.ref as Extract<ProblemRef, { docKind: string }> }));
  if (refs.length === 0) return [];
  const rows = await queryRows(
    `-- inspection: publications of notice items
     SELECT unit_code AS unit, district_code AS district, kind, doc_no AS docNo, toString(publication_date) AS published
     FROM ${decisionsFrom('(district_code, unit_code, kind, doc_no) IN {keys:Array(Tuple(String, String, String, String))}')}
     WHERE is_published = 1 AND publication_date <= {asOf:Date}`,
    { keys: refs.map(({ r }) => new TupleParam([r.district, r.unit, r.docKind, r.docNo])), asOf },
    z.object({ unit: z.string(), district: z.string(), kind: z.string(), docNo: z.string(), published: z.string() }),
  );
  const at = new Map(rows.map((r) => [JSON.stringify([r.district, r.unit, r.kind, r.docNo]), r.published]));
  return refs.flatMap(({ o, r }) => {
    const on = at.get(JSON.stringify([r.district, r.unit, r.docKind, r.docNo]));
    return on ? [{ item: o.item, on, detail: `published ${on}` }] : [];
  });
}

async function answersOf(items: Open[], asOf: string): Promise<Found[]> {
  const byUnit = new Map<string, Array<{ o: Open; r: Extract<ProblemRef, { kind: 'sanction_overdue' }> }>>();
  for (const o of items) {
    const r = o.ref as Extract<ProblemRef, { kind: 'sanction_overdue' }>;
    byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), { o, r }]);
  }
  const out: Found[] = [];
  for (const [unit, refs] of byUnit) {
    // The pushes of one responding unit (its key range), whatever their push date, as of today.
    const rows = await queryRows(
      `-- inspection: answers of notice items
       SELECT caseId, measureCode, toString(answeredDate) AS answered
       FROM (${pushesSql('(caseId, measureCode) IN {keys:Array(Tuple(String, String))}')})
       WHERE status IN ('answered_on_time', 'answered_late')`,
      {
        ...(await filterParams({ from: '2000-01-01', to: asOf, asOf, unit })),
        keys: refs.map(({ r }) => new TupleParam([r.caseId, r.measureCode])),
      },
      z.object({ caseId: z.string(), measureCode: z.string(), answered: z.string() }),
    );
    const at = new Map(rows.map((r) => [`${r.caseId}\u0001${r.measureCode}`, r.answered]));
    for (const { o, r } of refs) {
      const on = at.get(`${r.caseId}\u0001${r.measureCode}`);
      if (on) out.push({ item: o.item, on, detail: `answered ${on}` });
    }
  }
  return out;
}

async function submissionsOf(items: Open[], asOf: string): Promise<Found[]> {
  const refs = items.map((o) => ({ o, r: o.ref as Extract<ProblemRef, { kind: 'missing_submission' }> }));
  if (refs.length === 0) return [];
  const rows = await queryRows(
    `-- inspection: submissions since missing windows
     SELECT t.u AS unit, t.c AS catalog, toString(t.ws) AS windowStart, toString(min(d.day)) AS first
     FROM (SELECT tupleElement(k, 1) AS u, tupleElement(k, 2) AS c, toDate(tupleElement(k, 3)) AS ws
           FROM (SELECT arrayJoin({keys:Array(Tuple(String, String, String))}) AS k)) AS t
     INNER JOIN (
       SELECT unit_code, catalog_code, day FROM ingest_daily
       WHERE accepted_rows > 0 AND day <= {asOf:Date} AND unit_code IN {units:Array(String)}
       GROUP BY unit_code, catalog_code, day
     ) AS d ON d.unit_code = t.u AND d.catalog_code = t.c
     WHERE d.day >= t.ws
     GROUP BY t.u, t.c, t.ws`,
    { keys: refs.map(({ r }) => new TupleParam([r.unit, r.catalog, r.windowStart])), units: [...new Set(refs.map(({ r }) => r.unit))], asOf },
    z.object({ unit: z.string(), catalog: z.string(), windowStart: z.string(), first: z.string() }),
  );
  const at = new Map(rows.map((r) => [`${r.unit}\u0001${r.catalog}\u0001${r.windowStart}`, r.first]));
  return refs.flatMap(({ o, r }) => {
    const on = at.get(`${r.unit}\u0001${r.catalog}\u0001${r.windowStart}`);
    return on ? [{ item: o.item, on, detail: `submitted ${on}` }] : [];
  });
}

async function resendsOf(items: Open[], asOf: string): Promise<Found[]> {
  const refs = items.map((o) => ({ o, r: o.ref as Extract<ProblemRef, { kind: 'rejected_unresent' }> }));
  const states = await resendOf(refs.map(({ r }) => ({ batchId: r.batchId, rowNo: r.rowNo })), asOf);
  const at = new Map(states.filter((s) => s.resentAt).map((s) => [`${s.batchId}\u0001${s.rowNo}`, s.resentAt!]));
  return refs.flatMap(({ o, r }) => {
    const resent = at.get(`${r.batchId.toLowerCase()}\u0001${r.rowNo}`);
    return resent ? [{ item: o.item, on: resent.slice(0, 10), detail: `resent ${resent}` }] : [];
  });
}

const toClose = z.object({ id: z.string(), last: z.string() });

async function checkOnce(): Promise<{ rectified: number; closed: number }> {
  const asOf = today();
  const open: Record<string, Open[]> = {};
  for (const item of await readOpenItems()) {
    const ref = parseProblemKey(item.key);
    if (!ref) continue;
    (open[ref.kind] ??= []).push({ item, ref });
  }
  const found = (
    await Promise.all([
      publicationsOf(open.publicity_overdue ?? [], asOf),
      answersOf(open.sanction_overdue ?? [], asOf),
      submissionsOf(open.missing_submission ?? [], asOf),
      resendsOf(open.rejected_unresent ?? [], asOf),
    ])
  ).flat();
  const at = shanghaiTimestamp();
  await insertRows(
    'notice_events',
    found.map((f) => ({ notice_id: f.item.noticeId, event: 'rectified', item_no: f.item.itemNo, on_date: f.on, at, actor_id: '', actor: 'system', detail: f.detail })),
  );
  // Notices all of whose items are rectified, dated by their last rectification (first event per item).
  const closing = await queryRows(
    `-- inspection: notices to close
     WITH r AS (
       SELECT notice_id, count() AS done, max(first_on) AS last
       FROM (SELECT notice_id, item_no, argMin(on_date, at) AS first_on FROM notice_events WHERE event = 'rectified' GROUP BY notice_id, item_no)
       GROUP BY notice_id
     ),
     i AS (SELECT notice_id, count() AS total FROM notice_items GROUP BY notice_id)
     SELECT toString(i.notice_id) AS id, toString(r.last) AS last
     FROM i INNER JOIN r ON r.notice_id = i.notice_id
     WHERE r.done >= i.total AND i.notice_id NOT IN (SELECT notice_id FROM notice_events WHERE event = 'closed')`,
    {},
    toClose,
  );
  await insertRows(
    'notice_events',
    closing.map((c) => ({ notice_id: c.id, event: 'closed', item_no: 0, on_date: c.last, at, actor_id: '', actor: 'system', detail: 'all items rectified' })),
  );
  if (found.length > 0 || closing.length > 0) await recordDataChange(['notices']);
  return { rectified: found.length, closed: closing.length };
}

const g = globalThis as unknown as { __csmRectification?: { running: Promise<unknown> | null; next: Promise<{ rectified: number; closed: number }> | null } };

/** Check every open notice item against the data and record what is now put right (see the module comment). */
export function refreshRectification(): Promise<{ rectified: number; closed: number }> {
  const s = (g.__csmRectification ??= { running: null, next: null });
  if (s.next) return s.next;
  const after = s.running ?? Promise.resolve();
  const next = after
    .catch(() => undefined)
    .then(() => {
      s.next = null;
      const run = checkOnce();
      s.running = run;
      run
        .finally(() => {
          if (s.running === run) s.running = null;
        })
        .catch(() => undefined);
      return run;
    });
  s.next = next;
  return next;
}
