import { TupleParam } from '@clickhouse/client';
import { z } from 'zod';
import { commitKinds, recordDataChange } from '../db/dataVersions';
import { insertRows, queryRows } from '../db/query';
import { STREAM_KEYS, type Stream } from './streams';

/**
 * A validated row as stored: snake_case columns of the stream's table, with the platform receipt time
 * `received_at` ('YYYY-MM-DD HH:MM:SS.sss', Asia/Shanghai). `first_received_at` is the key's earliest receipt.
 */
export type StoredRow = Record<string, unknown> & { received_at: string; first_received_at?: string; is_first?: 0 | 1 };

const keyOf = (stream: Stream, row: Record<string, unknown>) =>
  STREAM_KEYS[stream].map((k) => String(row[k] ?? '')).join('\u0001');

/**
 * Earliest receipt already stored for each key of the batch. Keys are bound as one Array(Tuple) parameter.
 */
async function storedFirstReceipts(stream: Stream, rows: StoredRow[]): Promise<Map<string, string>> {
  const cols = STREAM_KEYS[stream];
  const keys = [...new Map(rows.map((r) => [keyOf(stream, r), cols.map((c) => String(r[c] ?? ''))])).values()];
  const tupleType = `Array(Tuple(${cols.map(() => 'String').join(', ')}))`;
  // Column and table names come from the fixed STREAM_KEYS table, never from input; values are bound.
  const found = await queryRows(
    `-- stored first receipts of a batch's keys
     SELECT ${cols.join(', ')}, toString(min(first_received_at)) AS first
     FROM ${stream}
     WHERE (${cols.join(', ')}) IN {keys:${tupleType}}
     GROUP BY ${cols.join(', ')}`,
    { keys: keys.map((k) => new TupleParam(k)) },
    z.record(z.string(), z.string()),
  );
  return new Map(found.map((f) => [keyOf(stream, f), f.first ?? '']));
}

/**
 * The one storage path for accepted rows (API ingestion and the demo generator alike).
 * `firstReceipts: 'provided'` trusts the caller's first_received_at (backfill of history that is already
 * known to be first); 'lookup' keeps the earliest of what is stored and what arrives, so a corrected resend
 * never resets timeliness.
 */
export async function storeRows(
  stream: Stream,
  rows: StoredRow[],
  opts: { firstReceipts: 'provided' | 'lookup' },
): Promise<void> {
  if (rows.length === 0) return;
  // is_first: the one row that makes its key new, as the API's commit marks it (server/ingest/ingestBatch.ts).
  const seen = new Set<string>();
  if (opts.firstReceipts === 'lookup') {
    const stored = await storedFirstReceipts(stream, rows);
    const inBatch = new Map<string, string>();
    for (const row of rows) {
      const key = keyOf(stream, row);
      const candidates = [stored.get(key), inBatch.get(key), row.received_at].filter((x): x is string => !!x);
      const first = candidates.sort()[0] ?? row.received_at;
      row.is_first = stored.has(key) || seen.has(key) ? 0 : 1;
      seen.add(key);
      inBatch.set(key, first);
      row.first_received_at = first;
    }
  } else {
    for (const row of rows) {
      row.first_received_at ??= row.received_at;
      const key = keyOf(stream, row);
      row.is_first = row.received_at === row.first_received_at && !seen.has(key) ? 1 : 0;
      seen.add(key);
    }
  }
  await insertRows(stream, rows);
  await recordDataChange(commitKinds(stream, true)); // the one storage path of backfills and the demo generator
}
