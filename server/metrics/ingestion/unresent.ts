/**
 * Rejected rows not resent yet: a rejected row is put right when an accepted row with the same key (server/ingest/
 * rowKey.ts) from the same unit arrives after it. The resend date is the earliest accepted receipt after the rejection
 * that the stream table still holds: the key's first receipt when the key was first accepted after the rejection,
 * else the earliest later version not yet merged away (a later correction may replace an intermediate version, which
 * only matters for an asOf before that correction).
 *
 * Two reads: the rejected rows with their keys, then the accepted versions of exactly those keys, looked up by each
 * table's primary key; the two are matched here.
 */
import { TupleParam } from '@clickhouse/client';
import { z } from 'zod';
import { itemScopeSql, type ItemScope } from '../../auth/roles';
import { queryRows } from '../../db/query';
import { ACCEPTED_KEY, KEY_SEPARATOR, rowKeyFromJsonSql } from '../../ingest/rowKey';
import { isStream, type Stream } from '../../ingest/streams';

export type RejectedRowState = {
  batchId: string;
  rowNo: number;
  stream: string;
  unitCode: string;
  districtCode: string;
  /** 'YYYY-MM-DD HH:MM:SS.sss' Asia/Shanghai. */
  receivedAt: string;
  receivedDate: string;
  errorCodes: string[];
  /** The row's key fields joined by \x01; '' when they could not be read (such a row can never be matched). */
  rowKey: string;
  /** Earliest accepted receipt of the same key after the rejection, up to asOf; null while not resent. */
  resentAt: string | null;
};

const rejectedRow = z.object({
  batchId: z.string(),
  rowNo: z.number(),
  stream: z.string(),
  unitCode: z.string(),
  districtCode: z.string(),
  receivedAt: z.string(),
  errorCodes: z.array(z.string()),
  rowKey: z.string(),
});
const versionRow = z.object({ unit: z.string(), key: z.string(), receivedAt: z.string(), firstReceivedAt: z.string() });

/** Accepted versions (latest and first receipt) of the keys of one stream sent by the given units. */
async function acceptedVersions(stream: Stream, rows: ReadonlyArray<{ unitCode: string; districtCode: string; rowKey: string }>) {
  const a = ACCEPTED_KEY[stream];
  const lookup = [...(a.district ? [a.district] : []), a.unit, ...a.columns];
  const tuples = rows.map((r) => new TupleParam([...(a.district ? [r.districtCode] : []), r.unitCode, ...r.rowKey.split(KEY_SEPARATOR)]));
  const keyExpr = a.columns.length > 1 ? `concat(${a.columns.join(", '\\x01', ")})` : a.columns[0]!;
  return queryRows(
    `-- ingestion: accepted versions of rejected keys (${stream})
     SELECT ${a.unit} AS unit, ${keyExpr} AS key, toString(received_at) AS receivedAt, toString(first_received_at) AS firstReceivedAt
     FROM ${a.table}
     WHERE (${lookup.join(', ')}) IN {keys:Array(Tuple(${lookup.map(() => 'String').join(', ')}))}`,
    { keys: tuples },
    versionRow,
  );
}

/** Rejected rows selected by `where` (over rejected_rows columns, values bound by the caller), each with its resend as of asOf. */
async function rejectedWithResend(where: string, params: Record<string, unknown>, asOf: string): Promise<RejectedRowState[]> {
  const rejected = await queryRows(
    `-- ingestion: rejected rows with their keys
     SELECT toString(batch_id) AS batchId, row_no AS rowNo, stream, unit_code AS unitCode, district_code AS districtCode,
            toString(received_at) AS receivedAt, error_codes AS errorCodes,
            if(row_key != '', row_key, ${rowKeyFromJsonSql()}) AS rowKey
     FROM rejected_rows
     WHERE ${where} AND toDate(received_at) <= {asOf:Date}
     ORDER BY received_at, batch_id, row_no`,
    { ...params, asOf },
    rejectedRow,
  );
  const byStream = new Map<Stream, typeof rejected>();
  for (const r of rejected) {
    if (r.rowKey === '' || !isStream(r.stream)) continue;
    const list = byStream.get(r.stream) ?? [];
    list.push(r);
    byStream.set(r.stream, list);
  }
  const versions = new Map<string, Array<{ receivedAt: string; firstReceivedAt: string }>>();
  await Promise.all(
    [...byStream].map(async ([stream, rows]) => {
      const unique = [...new Map(rows.map((r) => [`${r.unitCode}${KEY_SEPARATOR}${r.rowKey}`, r])).values()];
      for (const v of await acceptedVersions(stream, unique)) {
        const id = `${stream}${KEY_SEPARATOR}${v.unit}${KEY_SEPARATOR}${v.key}`;
        const list = versions.get(id) ?? [];
        list.push(v);
        versions.set(id, list);
      }
    }),
  );
  // Timestamps are 'YYYY-MM-DD HH:MM:SS.sss' in one time zone: they compare as text.
  const endOfAsOf = `${asOf} 99`;
  return rejected.map((r) => {
    let resentAt: string | null = null;
    for (const v of versions.get(`${r.stream}${KEY_SEPARATOR}${r.unitCode}${KEY_SEPARATOR}${r.rowKey}`) ?? []) {
      if (v.receivedAt <= r.receivedAt) continue;
      const at = v.firstReceivedAt > r.receivedAt ? v.firstReceivedAt : v.receivedAt;
      if (at < endOfAsOf && (resentAt === null || at < resentAt)) resentAt = at;
    }
    return { ...r, receivedDate: r.receivedAt.slice(0, 10), resentAt };
  });
}

export type UnresentFilter = { from: string; to: string; asOf: string; district: string; unit: string };

/** Rejected rows received in [from, to] (up to asOf) and not resent by asOf, within the item scope and the filters. */
export async function unresentRejected(scope: ItemScope, f: UnresentFilter): Promise<RejectedRowState[]> {
  const scoped = itemScopeSql(scope);
  const where = [
    scoped.sql,
    "({district:String} = '' OR district_code = {district:String})",
    "({unit:String} = '' OR unit_code = {unit:String})",
    'toDate(received_at) BETWEEN {from:Date} AND {to:Date}',
  ].join(' AND ');
  const rows = await rejectedWithResend(where, { ...scoped.params, from: f.from, to: f.to, district: f.district, unit: f.unit }, f.asOf);
  return rows.filter((r) => r.resentAt === null);
}

/** The resend state of given rejected rows (batch, row) as of asOf: rectification of notice items. */
export function resendOf(rows: ReadonlyArray<{ batchId: string; rowNo: number }>, asOf: string): Promise<RejectedRowState[]> {
  if (rows.length === 0) return Promise.resolve([]);
  return rejectedWithResend(
    '(toString(batch_id), row_no) IN {rows:Array(Tuple(String, UInt32))}',
    { rows: rows.map((r) => new TupleParam([r.batchId.toLowerCase(), r.rowNo])) },
    asOf,
  );
}
