import { z } from 'zod';
import { queryRows } from '../../db/query';
import { filterParams, filterSql, type Filters } from './filters';

export type ErrorCodeRow = {
  errorCode: string;
  /** Rejected rows carrying the code (a row with several codes counts under each). */
  rows: number;
  records: number;
  licenses: number;
  penalties: number;
};

const errorRow = z.object({
  errorCode: z.string(),
  rows: z.number(),
  records: z.number(),
  licenses: z.number(),
  penalties: z.number(),
});

/**
 * Rejected rows of records, licences and penalties received in [from, to], by error code, most frequent first,
 * plus the number of distinct rejected rows (a row may carry several codes, so the codes add up to more).
 */
export async function rejectedByErrorCode(f: Filters): Promise<{ rejectedRows: number; codes: ErrorCodeRow[] }> {
  const rows = await queryRows(
    `-- ingestion: rejected rows by error code
     SELECT error_code AS errorCode, sum(rejected_rows) AS rows,
            sumIf(rejected_rows, stream = 'records') AS records,
            sumIf(rejected_rows, stream = 'licenses') AS licenses,
            sumIf(rejected_rows, stream = 'penalties') AS penalties
     FROM rejected_catalog_daily
     WHERE day BETWEEN {from:Date} AND {to:Date} AND stream IN ('records', 'licenses', 'penalties')
       AND ${filterSql({ district: 'district_code', unit: 'unit_code', catalog: 'catalog_code' })}
     GROUP BY error_code
     HAVING rows > 0
     ORDER BY error_code = '' DESC, rows DESC, error_code`,
    { ...filterParams(f), from: f.from, to: f.to },
    errorRow,
  );
  const perRow = rows.find((r) => r.errorCode === '');
  return { rejectedRows: perRow?.rows ?? 0, codes: rows.filter((r) => r.errorCode !== '') };
}
