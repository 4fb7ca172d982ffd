import { z } from 'zod';
import { itemScopeSql, type ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { isoDate, periodInOrder, periodOrderIssue } from '../../domain/period';
import { STREAMS } from '../../ingest/streams';
import { catalogOfRejectedSql } from './catalogOfRejected';
import { cursorTimestamp, decodeCursor, everyItem, keysetPage, pageShape } from '../cursor';

export const rejectedItemsInput = z.object({
  district: z.string().max(20).optional(),
  unit: z.string().max(40).optional(),
  stream: z.enum(STREAMS).optional(),
  errorCode: z.string().max(40).optional(),
  /** Catalog item of the row (XK for licences, CF for penalties, a record's catalogCode), as the quality figures. */
  catalog: z.string().max(40).optional(),
  /** Only the rows of one submission batch. */
  batchId: z
    .string()
    .regex(/^[0-9a-fA-F-]{36}$/, '批次号应为 UUID (batchId must be a UUID)')
    .optional(),
  /** Only records, licences and penalties: the rows behind the 归集 quality figures. */
  volumeOnly: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageShape,
}).refine(periodInOrder, periodOrderIssue());
export type RejectedItemsInput = z.infer<typeof rejectedItemsInput>;

export const rejectedItem = z.object({
  batchId: z.string(),
  rowNo: z.number(),
  stream: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  districtCode: z.string(),
  receivedAt: z.string(),
  errorCodes: z.array(z.string()),
  errors: z.string(),
  raw: z.string(),
});
export type RejectedItem = z.infer<typeof rejectedItem>;

/** Cursor = the sort key of the last row handed out (received_at, batch, row). */
const cursorKey = z.tuple([cursorTimestamp, z.string(), z.number().int().min(0)]);
const keyOf = (r: RejectedItem): z.output<typeof cursorKey> => [r.receivedAt, r.batchId, r.rowNo];

/**
 * Rejected rows (the quarantine), newest first, within the caller's item scope AND the requested filters:
 * a filter outside the scope yields nothing rather than an error that would confirm what exists.
 */
export async function rejectedItems(
  scope: ItemScope,
  input: RejectedItemsInput,
): Promise<{ items: RejectedItem[]; nextCursor: string | null }> {
  const scoped = itemScopeSql(scope, { district: 'r.district_code', unit: 'r.unit_code' });
  const [at, batch, row] = decodeCursor(input.cursor, cursorKey) ?? ['', '', 0];
  const c = { at, batch, row };
  const rows = await queryRows(
    `-- items: rejected rows
     SELECT toString(r.batch_id) AS batchId, r.row_no AS rowNo, r.stream AS stream, r.unit_code AS unitCode,
            ifNull(u.name, r.unit_code) AS unitName, r.district_code AS districtCode,
            toString(r.received_at) AS receivedAt, r.error_codes AS errorCodes, r.errors AS errors, r.raw AS raw
     FROM rejected_rows AS r
     LEFT JOIN (SELECT code, name FROM units FINAL) AS u ON u.code = r.unit_code
     WHERE ${scoped.sql}
       AND ({district:String} = '' OR r.district_code = {district:String})
       AND ({unit:String} = '' OR r.unit_code = {unit:String})
       AND ({stream:String} = '' OR r.stream = {stream:String})
       AND ({errorCode:String} = '' OR has(r.error_codes, {errorCode:String}))
       AND ({catalog:String} = '' OR ${catalogOfRejectedSql('r.')} = {catalog:String})
       AND ({batchId:String} = '' OR toString(r.batch_id) = lower({batchId:String}))
       AND (NOT {volumeOnly:Bool} OR r.stream IN ('records', 'licenses', 'penalties'))
       AND ({from:Nullable(Date)} IS NULL OR toDate(r.received_at) >= {from:Nullable(Date)})
       AND ({to:Nullable(Date)} IS NULL OR toDate(r.received_at) <= {to:Nullable(Date)})
       AND ({cursorAt:Nullable(DateTime64(3, 'Asia/Shanghai'))} IS NULL
            OR (r.received_at, toString(r.batch_id), r.row_no)
               < (assumeNotNull({cursorAt:Nullable(DateTime64(3, 'Asia/Shanghai'))}), {cursorBatch:String}, {cursorRow:UInt32}))
     ORDER BY r.received_at DESC, toString(r.batch_id) DESC, r.row_no DESC
     LIMIT {limit:UInt32}`,
    {
      ...scoped.params,
      district: input.district ?? '',
      unit: input.unit ?? '',
      stream: input.stream ?? '',
      errorCode: input.errorCode ?? '',
      catalog: input.catalog ?? '',
      batchId: input.batchId ?? '',
      volumeOnly: input.volumeOnly ?? false,
      from: input.from ?? null,
      to: input.to ?? null,
      cursorAt: c.at || null,
      cursorBatch: c.batch,
      cursorRow: c.row,
      limit: input.limit + 1,
    },
    rejectedItem,
  );
  return keysetPage(rows, input.limit, keyOf);
}

/** Every matching row, page by page, for exports (no silent truncation). */
export function allRejectedItems(scope: ItemScope, input: Omit<RejectedItemsInput, 'cursor' | 'limit'>) {
  return everyItem((cursor) => rejectedItems(scope, { ...input, cursor, limit: 1000 }));
}
