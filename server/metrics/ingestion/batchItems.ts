import { z } from 'zod';
import { itemScopeSql, type ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { STREAMS } from '../../ingest/streams';
import { isoDate, periodInOrder, periodOrderIssue } from '../../domain/period';
import { cursorTimestamp, decodeCursor, keysetPage, pageShape } from '../cursor';

export const batchItemsInput = z.object({
  district: z.string().max(20).optional(),
  unit: z.string().max(40).optional(),
  stream: z.enum(STREAMS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only batches with at least one rejected row (default) or every batch. */
  rejectedOnly: z
    .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
    .transform((v) => v === true || v === 'true' || v === '1')
    .default(true),
  ...pageShape,
}).refine(periodInOrder, periodOrderIssue());
export type BatchItemsInput = z.input<typeof batchItemsInput>;

export const batchItem = z.object({
  batchId: z.string(),
  stream: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  districtCode: z.string(),
  receivedAt: z.string(),
  rowsTotal: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  status: z.string(),
});
export type BatchItem = z.infer<typeof batchItem>;

/** Cursor = the sort key of the last batch handed out (receipt, batch id). */
const cursorKey = z.tuple([cursorTimestamp, z.string()]);

/** Submission batches (ingest_batches) within the caller's item scope AND the filters, newest first. */
export async function batchItems(
  scope: ItemScope,
  input: z.output<typeof batchItemsInput>,
): Promise<{ items: BatchItem[]; nextCursor: string | null }> {
  const scoped = itemScopeSql(scope, { district: 'b.district_code', unit: 'b.unit_code' });
  const [at, batch] = decodeCursor(input.cursor, cursorKey) ?? [null, ''];
  const c = { at, batch };
  const rows = await queryRows(
    `-- items: batches
     SELECT toString(b.batch_id) AS batchId, b.stream AS stream, b.unit_code AS unitCode,
            ifNull(u.name, b.unit_code) AS unitName, b.district_code AS districtCode,
            toString(b.received_at) AS receivedAt, b.rows_total AS rowsTotal, b.accepted AS accepted,
            b.rejected AS rejected, b.status AS status
     FROM ingest_batches AS b FINAL
     LEFT JOIN (SELECT code, name FROM units FINAL) AS u ON u.code = b.unit_code
     WHERE ${scoped.sql}
       AND ({district:String} = '' OR b.district_code = {district:String})
       AND ({unit:String} = '' OR b.unit_code = {unit:String})
       AND ({stream:String} = '' OR b.stream = {stream:String})
       AND ({from:Nullable(Date)} IS NULL OR toDate(b.received_at) >= {from:Nullable(Date)})
       AND ({to:Nullable(Date)} IS NULL OR toDate(b.received_at) <= {to:Nullable(Date)})
       AND (NOT {rejectedOnly:Bool} OR b.rejected > 0)
       AND ({cursorAt:Nullable(DateTime64(3, 'Asia/Shanghai'))} IS NULL
            OR (b.received_at, toString(b.batch_id)) < (assumeNotNull({cursorAt:Nullable(DateTime64(3, 'Asia/Shanghai'))}), {cursorBatch:String}))
     ORDER BY b.received_at DESC, toString(b.batch_id) DESC
     LIMIT {limit:UInt32}`,
    {
      ...scoped.params,
      district: input.district ?? '',
      unit: input.unit ?? '',
      stream: input.stream ?? '',
      from: input.from ?? null,
      to: input.to ?? null,
      rejectedOnly: input.rejectedOnly,
      cursorAt: c.at,
      cursorBatch: c.batch,
      limit: input.limit + 1,
    },
    batchItem,
  );
  return keysetPage(rows, input.limit, (r) => [r.receivedAt, r.batchId]);
}
