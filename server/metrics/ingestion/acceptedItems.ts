import { z } from 'zod';
import { itemScopeSql, type ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { VOLUME_STREAMS } from './catalogOfRejected';
import { filterParams, withFilters, type Filters } from './filters';
import { cursorTimestamp, decodeCursor, everyItem, keysetPage, pageShape } from '../cursor';

export const acceptedItemsInput = withFilters({
  stream: z.enum(VOLUME_STREAMS).optional(),
  ...pageShape,
});
export type AcceptedItemsInput = z.infer<typeof acceptedItemsInput>;

export const acceptedItem = z.object({
  stream: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  districtCode: z.string(),
  catalogCode: z.string(),
  /** recordId for records, docNo for licences and penalties. */
  key: z.string(),
  subjectType: z.string(),
  subjectName: z.string(),
  /** USCC, or the masked ID number of a natural person. */
  subjectCode: z.string(),
  /** occurredOn of a record, decisionDate of a licence or penalty. */
  itemDate: z.string(),
  /** Licence name or violation type ('' for records). */
  title: z.string(),
  firstReceivedAt: z.string(),
  receivedAt: z.string(),
  batchId: z.string(),
  rowNo: z.number(),
});
export type AcceptedItem = z.infer<typeof acceptedItem>;

/** Cursor = the sort key of the last row handed out (first receipt, stream, unit, key). */
const cursorKey = z.tuple([cursorTimestamp, z.string(), z.string(), z.string()]);
const keyOf = (r: AcceptedItem): z.output<typeof cursorKey> => [r.firstReceivedAt, r.stream, r.unitCode, r.key];

/**
 * The accepted items behind a volume figure: distinct keys (latest version of each) of records, licences and
 * penalties first received in [from, to], within the caller's item scope AND the filters, newest first.
 * Counting these per bucket gives exactly the accepted volume of the dashboards (same key, same first receipt day).
 */
export async function acceptedItems(
  scope: ItemScope,
  f: Filters,
  opts: { stream?: (typeof VOLUME_STREAMS)[number]; cursor?: string; limit: number },
): Promise<{ items: AcceptedItem[]; nextCursor: string | null }> {
  const scoped = itemScopeSql(scope);
  const [at, stream, unit, key] = decodeCursor(opts.cursor, cursorKey) ?? [null, '', '', ''];
  const c = { at, stream, unit, key };
  const common = `toDate(first_received_at) BETWEEN {from:Date} AND {to:Date}
         AND ${scoped.sql}
         AND ({district:String} = '' OR district_code = {district:String})
         AND ({unit:String} = '' OR unit_code = {unit:String})`;
  const rows = await queryRows(
    `-- items: accepted
     SELECT a.stream AS stream, a.unit_code AS unitCode, ifNull(u.name, a.unit_code) AS unitName,
            a.district_code AS districtCode, a.catalog_code AS catalogCode, a.item_key AS key,
            a.subject_type AS subjectType, a.subject_name AS subjectName, a.subject_code AS subjectCode,
            a.item_date AS itemDate, a.title AS title, toString(a.first_received_at) AS firstReceivedAt,
            toString(a.received_at) AS receivedAt, toString(a.batch_id) AS batchId, a.row_no AS rowNo
     FROM (
       SELECT 'records' AS stream, district_code, unit_code, toString(catalog_code) AS catalog_code, record_id AS item_key,
              toString(subject_type) AS subject_type, subject_name, subject_code, toString(occurred_on) AS item_date,
              '' AS title, first_received_at, received_at, batch_id, row_no
       FROM records FINAL
       WHERE ({stream:String} = '' OR {stream:String} = 'records')
         AND ({catalog:String} = '' OR catalog_code = {catalog:String}) AND ${common}
       UNION ALL
       SELECT 'licenses', district_code, unit_code, 'XK', doc_no, toString(subject_type), subject_name, subject_code,
              toString(decision_date), license_name, first_received_at, received_at, batch_id, row_no
       FROM licenses FINAL
       WHERE ({stream:String} = '' OR {stream:String} = 'licenses')
         AND ({catalog:String} = '' OR {catalog:String} = 'XK') AND ${common}
       UNION ALL
       SELECT 'penalties', district_code, unit_code, 'CF', doc_no, toString(subject_type), subject_name, subject_code,
              toString(decision_date), violation_type, first_received_at, received_at, batch_id, row_no
       FROM penalties FINAL
       WHERE ({stream:String} = '' OR {stream:String} = 'penalties')
         AND ({catalog:String} = '' OR {catalog:String} = 'CF') AND ${common}
     ) AS a
     LEFT JOIN (SELECT code, name FROM units FINAL) AS u ON u.code = a.unit_code
     WHERE {cursorAt:Nullable(DateTime64(3, 'Asia/Shanghai'))} IS NULL
        OR (a.first_received_at, a.stream, toString(a.unit_code), a.item_key)
           < (assumeNotNull({cursorAt:Nullable(DateTime64(3, 'Asia/Shanghai'))}), {cursorStream:String}, {cursorUnit:String}, {cursorKey:String})
     ORDER BY a.first_received_at DESC, a.stream DESC, toString(a.unit_code) DESC, a.item_key DESC
     LIMIT {limit:UInt32}`,
    {
      ...scoped.params,
      ...filterParams(f),
      from: f.from,
      to: f.to,
      stream: opts.stream ?? '',
      cursorAt: c.at,
      cursorStream: c.stream,
      cursorUnit: c.unit,
      cursorKey: c.key,
      limit: opts.limit + 1,
    },
    acceptedItem,
  );
  return keysetPage(rows, opts.limit, keyOf);
}

/** Every matching item, page by page, for exports (no silent truncation). */
export function allAcceptedItems(
  scope: ItemScope,
  f: Filters,
  stream?: (typeof VOLUME_STREAMS)[number],
): AsyncGenerator<AcceptedItem> {
  return everyItem((cursor) => acceptedItems(scope, f, { stream, cursor, limit: 1000 }));
}
