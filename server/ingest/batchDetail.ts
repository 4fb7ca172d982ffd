import { z } from 'zod';
import { itemScopeSql, type ItemScope } from '../auth/roles';
import { queryRows } from '../db/query';
import { batchItem } from '../metrics/ingestion/batchItems';

/** A row of ingest_batches: the batch list's row without the unit's name. */
const batchRow = batchItem.omit({ unitName: true });
const errorRow = z.object({ rowNo: z.number(), errors: z.string(), raw: z.string() });

/** A batch's counts and every row error, if the batch is inside the caller's scope (else null, as if absent). */
export async function batchDetail(scope: ItemScope, batchId: string) {
  const scoped = itemScopeSql(scope);
  const [batch] = await queryRows(
    `-- ingest batch
     SELECT toString(batch_id) AS batchId, stream, unit_code AS unitCode, district_code AS districtCode,
            toString(received_at) AS receivedAt, rows_total AS rowsTotal, accepted, rejected, status
     FROM ingest_batches FINAL
     WHERE batch_id = {batch:UUID} AND ${scoped.sql}`,
    { batch: batchId, ...scoped.params },
    batchRow,
  );
  if (!batch) return null;
  const rows = await queryRows(
    `-- ingest batch errors
     SELECT row_no AS rowNo, errors, raw FROM rejected_rows
     WHERE district_code = {district:String} AND unit_code = {unit:String} AND batch_id = {batch:UUID}
     ORDER BY row_no`,
    { batch: batchId, district: batch.districtCode, unit: batch.unitCode },
    errorRow,
  );
  const errors = rows.flatMap((r) =>
    (JSON.parse(r.errors) as Array<{ field: string; code: string; message: string }>).map((e) => ({ row: r.rowNo, ...e })),
  );
  return { ...batch, errors, rejectedRows: rows.map((r) => ({ row: r.rowNo, raw: r.raw })) };
}
