import { z } from 'zod';
import { queryRows } from '../../db/query';

export const districtTotalsRow = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  units: z.number(),
  accepted: z.number(),
  acceptedRows: z.number(),
  rejectedRows: z.number(),
  qualityRate: z.number().nullable(),
});
export type DistrictTotalsRow = z.infer<typeof districtTotalsRow>;

/**
 * Per district (市本级 included), receipts in [from, to]: accepted distinct keys of records/licenses/penalties,
 * rows as received (accepted and rejected) and the quality rate = accepted rows / (accepted + rejected rows).
 */
export function totalsByDistrict(input: { from: string; to: string }): Promise<DistrictTotalsRow[]> {
  return queryRows(
    `-- overview: ingestion totals by district
     WITH acc AS (
       SELECT district_code, sum(accepted_new) AS accepted, sum(accepted_rows) AS accepted_rows,
              uniqExactIf(unit_code, accepted_new > 0) AS units
       FROM ingest_daily
       WHERE day BETWEEN {from:Date} AND {to:Date}
       GROUP BY district_code
     ),
     rej AS (
       SELECT district_code, sum(rejected_rows) AS rejected_rows
       FROM rejected_daily
       WHERE day BETWEEN {from:Date} AND {to:Date} AND error_code = ''
         AND stream IN ('records', 'licenses', 'penalties')
       GROUP BY district_code
     )
     SELECT d.code AS districtCode, d.name AS districtName,
            toUInt64(ifNull(acc.units, 0)) AS units,
            toUInt64(ifNull(acc.accepted, 0)) AS accepted,
            toUInt64(ifNull(acc.accepted_rows, 0)) AS acceptedRows,
            toUInt64(ifNull(rej.rejected_rows, 0)) AS rejectedRows,
            if(acceptedRows + rejectedRows = 0, NULL, acceptedRows / (acceptedRows + rejectedRows)) AS qualityRate
     FROM (SELECT code, name, sort FROM districts FINAL) AS d
     LEFT JOIN acc ON acc.district_code = d.code
     LEFT JOIN rej ON rej.district_code = d.code
     ORDER BY d.sort, d.code`,
    input,
    districtTotalsRow,
  );
}
