import { z } from 'zod';
import { itemScopeSql, type ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { TupleParam } from '@clickhouse/client';
import { candidateUnits, cubeState, decisionsFrom, scheduleRefresh } from './cube';
import { resolveFilter, type ItemsParsed, type ItemStatus } from './inputs';
import { names } from '../../reference/names';
import { delaySql, type Status } from '../../calendar/timeliness';
import { decodeCursor, everyItem, keysetPage } from '../cursor';

/** One decision behind a figure (design.md §6 fields, plus names, register flag and calendar flag). */
export type PublicityItem = {
  kind: 'license' | 'penalty';
  docNo: string;
  unitCode: string;
  unitName: string;
  districtCode: string;
  districtName: string;
  decisionDate: string;
  deadline: string;
  /** Asia/Shanghai date of the first accepted publication, when published by asOf. */
  publicationDate: string | null;
  /** Working days from decision to publication, when published by asOf. */
  delay: number | null;
  /** Working days from the decision to asOf, for items not published by asOf. */
  elapsed: number | null;
  status: Status;
  /** Due within the next 2 working days and not published yet (early warning). */
  warning: boolean;
  /** In the decisions register (false: known only from its publication). */
  registered: boolean;
  /** False when a date of the item is outside the years the calendar knows. */
  calendarKnown: boolean;
};

const itemRow = z.object({
  kind: z.enum(['license', 'penalty']),
  docNo: z.string(),
  unitCode: z.string(),
  districtCode: z.string(),
  decisionDate: z.string(),
  deadline: z.string(),
  publicationDate: z.string().nullable(),
  delay: z.number().nullable(),
  elapsed: z.number().nullable(),
  status: z.enum(['on_time', 'late', 'overdue', 'pending']),
  warning: z.number(),
  registered: z.number(),
  known: z.number(),
});

/** Cursor = the key of the last item handed out, in the table's order (opaque to callers). */
const cursorKey = z.tuple([z.string(), z.string(), z.string(), z.string()]); // district, unit, kind, docNo

/**
 * Cheap conditions on the stored columns that every item of a status satisfies (a superset), checked before the
 * calendar work of decisionsFrom so a page of rare items does not pay the dictionary lookups of every row it skips.
 * A deadline is at least 7 calendar days after the decision and at most 40.
 */
const RAW_DECISION = `if(registered = 1, tupleElement(register_version, 'decision_date'), tupleElement(publication_version, 'decision_date'))`;
const RAW_PUBLICATION = 'toDate(assumeNotNull(first_published_at))';
const RAW_UNPUBLISHED = `(published = 0 OR ${RAW_PUBLICATION} > {asOf:Date})`;
const PREFILTER: Record<ItemStatus, string> = {
  on_time: `(published = 1 AND ${RAW_PUBLICATION} <= {asOf:Date})`,
  late: `(published = 1 AND ${RAW_PUBLICATION} <= {asOf:Date} AND ${RAW_PUBLICATION} > ${RAW_DECISION} + 7)`,
  overdue: `(${RAW_UNPUBLISHED} AND ${RAW_DECISION} < {asOf:Date} - 6)`,
  pending: `(${RAW_UNPUBLISHED} AND ${RAW_DECISION} >= {asOf:Date} - 40)`,
  warning: `(${RAW_UNPUBLISHED} AND ${RAW_DECISION} >= {asOf:Date} - 40)`,
};


/**
 * Decisions with their status as of asOf, within the caller's item scope AND the filters (a filter outside the scope
 * yields nothing). Ordered by (district, unit, kind, docNo), the tables' key, so a page reads only from its cursor on
 * and stops once it is full. Exact at every moment, like the figures: units whose cube is current are listed from
 * their exceptions (late or unpublished decisions) when that suffices, the others from publicity_decisions.
 */
export async function publicityItems(
  scope: ItemScope,
  input: ItemsParsed,
): Promise<{ items: PublicityItem[]; nextCursor: string | null; from: string; to: string; asOf: string }> {
  const f = resolveFilter(input);
  const scoped = itemScopeSql(scope, { district: 'district_code', unit: 'unit_code' });
  const cursor = decodeCursor(input.cursor, cursorKey);
  const statuses: ItemStatus[] = input.status ?? [];
  const state = await cubeState(f);
  scheduleRefresh(state);
  const keys = await candidateUnits(state, f, scoped, {
    statuses,
    delayMin: input.delayMin ?? null,
    delayMax: input.delayMax ?? null,
  });
  const period = { from: f.from, to: f.to, asOf: f.asOf };
  if (keys.length === 0) return { items: [], nextCursor: null, ...period };
  const delayFiltered = input.delayMin !== undefined || input.delayMax !== undefined;
  // Lists of non-on-time statuses come from the exceptions of units whose build is current and that received no
  // publication after asOf in the period; every other candidate unit is computed live.
  const fromExceptions = statuses.length > 0 && statuses.every((st) => st !== 'on_time');
  const exUnits = fromExceptions ? keys.filter((k) => k.exceptions) : [];
  const liveUnits = fromExceptions ? keys.filter((k) => !k.exceptions) : keys;
  const seqOf = new Map(state.clean);
  // Only the conditions in force go into the SQL text (values stay bound): the analyzer's time grows with its size.
  const common = [
    scoped.sql === '1' ? '' : scoped.sql,
    f.district ? 'district_code = {district:String}' : '',
    f.unit ? 'unit_code = {unit:String}' : '',
    f.kind ? 'kind = {kind:String}' : '',
    cursor ? '(district_code, unit_code, kind, doc_no) > ({cd:String}, {cu:String}, {ck:String}, {cn:String})' : '',
  ].filter(Boolean);
  const sources: string[] = [];
  if (exUnits.length > 0) {
    sources.push(`SELECT district_code, unit_code, kind, doc_no, registered AS is_registered, published AS is_published,
                decision_date, publication_date, deadline, delay, known
         FROM publicity_exceptions
         WHERE build_seq IN {exSeqs:Array(UInt64)} AND (district_code, unit_code) IN {exKeys:Array(Tuple(String, String))}
           AND ${[...common, 'decision_date BETWEEN {from:Date} AND {to:Date}'].join(' AND ')}`);
  }
  if (liveUnits.length > 0) {
    const inner = [
      '(district_code, unit_code) IN {liveKeys:Array(Tuple(String, String))}',
      ...common,
      `${RAW_DECISION} BETWEEN {from:Date} AND {to:Date}`,
      statuses.length ? `(${statuses.map((st) => PREFILTER[st]).join(' OR ')})` : '',
      delayFiltered ? PREFILTER.on_time : '',
    ].filter(Boolean);
    sources.push(`SELECT * FROM ${decisionsFrom(inner.join('\n             AND '))}`);
  }
  const plain = statuses.filter((st) => st !== 'warning');
  const outer = [
    statuses.length
      ? `(${[plain.length ? 'status IN {statuses:Array(String)}' : '', statuses.includes('warning') ? 'warning = 1' : ''].filter(Boolean).join(' OR ')})`
      : '',
    input.delayMin !== undefined ? 'delay >= {delayMin:Int32}' : '',
    input.delayMax !== undefined ? 'delay <= {delayMax:Int32}' : '',
  ].filter(Boolean);
  const rows = await queryRows(
    `-- publicity: items
     SELECT kind, doc_no AS docNo, unit_code AS unitCode, district_code AS districtCode,
            toString(decision_date) AS decisionDate, toString(deadline) AS deadline,
            if(answered_as_of, toString(publication_date), NULL) AS publicationDate,
            if(answered_as_of, delay, NULL) AS delay,
            if(answered_as_of, NULL, toInt32(${delaySql('decision_date', '{asOf:Date}')})) AS elapsed,
            status, warning, is_registered AS registered, known
     FROM (
       SELECT *, toUInt8(status = 'pending' AND deadline <= {horizon:Date}) AS warning
       FROM (
         SELECT *, multiIf(answered_as_of, if(publication_date <= deadline, 'on_time', 'late'),
                           {asOf:Date} > deadline, 'overdue', 'pending') AS status
         FROM (
           SELECT *, is_published = 1 AND publication_date <= {asOf:Date} AS answered_as_of
           FROM (${sources.join('\n         UNION ALL\n         ')})
         )
       )
     )
     WHERE decision_date BETWEEN {from:Date} AND {to:Date}${outer.map((c) => `\n       AND ${c}`).join('')}
     ORDER BY district_code, unit_code, kind, doc_no
     LIMIT {limit:UInt32}
     -- one stream in key order with small blocks: reading stops as soon as the page is full
     SETTINGS max_threads = 1, max_block_size = 4096, read_in_order_use_buffering = 0`,
    {
      ...scoped.params,
      exKeys: exUnits.map((k) => new TupleParam([k.district, k.unit])),
      exSeqs: exUnits.map((k) => seqOf.get(k.unit) ?? 0),
      liveKeys: liveUnits.map((k) => new TupleParam([k.district, k.unit])),
      district: f.district,
      unit: f.unit,
      kind: f.kind,
      from: f.from,
      to: f.to,
      asOf: f.asOf,
      horizon: state.warningHorizon,
      statuses: plain,
      delayMin: input.delayMin ?? 0,
      delayMax: input.delayMax ?? 0,
      cd: cursor?.[0] ?? '',
      cu: cursor?.[1] ?? '',
      ck: cursor?.[2] ?? '',
      cn: cursor?.[3] ?? '',
      limit: input.limit + 1,
    },
    itemRow,
  );
  const n = await names();
  const items: PublicityItem[] = rows.map((r) => ({
    kind: r.kind,
    docNo: r.docNo,
    unitCode: r.unitCode,
    unitName: n.units.get(r.unitCode)?.name ?? r.unitCode,
    districtCode: r.districtCode,
    districtName: n.districtNames.get(r.districtCode) ?? r.districtCode,
    decisionDate: r.decisionDate,
    deadline: r.deadline,
    publicationDate: r.publicationDate,
    delay: r.delay,
    elapsed: r.elapsed,
    status: r.status,
    warning: r.warning === 1,
    registered: r.registered === 1,
    calendarKnown: r.known === 1,
  }));
  return { ...keysetPage(items, input.limit, (i) => [i.districtCode, i.unitCode, i.kind, i.docNo]), ...period };
}

/** Every matching item, page by page, for exports (never truncated). */
export function allPublicityItems(
  scope: ItemScope,
  input: Omit<ItemsParsed, 'cursor' | 'limit'>,
): AsyncGenerator<PublicityItem> {
  return everyItem((cursor) => publicityItems(scope, { ...input, cursor, limit: 5000 }));
}
