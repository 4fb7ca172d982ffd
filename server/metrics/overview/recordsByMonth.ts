import { z } from 'zod';
import { queryRows } from '../../db/query';
import { fillMonths } from '../months';

export const recordsByMonthRow = z.object({
  month: z.string(),
  records: z.number(),
  licenses: z.number(),
  penalties: z.number(),
});
export type RecordsByMonthRow = z.infer<typeof recordsByMonthRow>;

/**
 * Accepted volume (distinct keys, by first receipt date) per month and stream, for the months in [from, to].
 * Reads the ingest_daily rollup, never the raw facts.
 */
export async function recordsByMonth(input: { from: string; to: string }): Promise<RecordsByMonthRow[]> {
  const rows = await queryRows(
    `-- overview: accepted volume by month
     SELECT formatDateTime(toStartOfMonth(day), '%Y-%m') AS month,
            sumIf(accepted_new, stream = 'records') AS records,
            sumIf(accepted_new, stream = 'licenses') AS licenses,
            sumIf(accepted_new, stream = 'penalties') AS penalties
     FROM ingest_daily
     WHERE day BETWEEN {from:Date} AND {to:Date}
     GROUP BY month
     ORDER BY month`,
    input,
    recordsByMonthRow,
  );
  return fillMonths(input.from, input.to, rows, (month) => ({ month, records: 0, licenses: 0, penalties: 0 }));
}
