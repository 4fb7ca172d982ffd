/**
 * Rows (objects keyed by column name) as an insert body in JSONCompactEachRow: the columns are the first row's keys,
 * each row one JSON array per line (no repeated keys: less to write and to parse). Pure, so a worker thread can encode
 * what the main thread then inserts (server/db/query.ts insertEncoded).
 */
export type EncodedRows = { columns: string[]; body: Buffer; count: number };

export class EncodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncodeError';
  }
}

export function encodeRows(table: string, rows: ReadonlyArray<Record<string, unknown>>): EncodedRows {
  if (rows.length === 0) return { columns: [], body: Buffer.alloc(0), count: 0 };
  const columns = Object.keys(rows[0]!);
  // Written straight into one growing buffer: no array of lines and no joined string to collect afterwards.
  let body = Buffer.allocUnsafe(Math.max(64 * 1024, rows.length * 256));
  let offset = 0;
  const values = new Array<unknown>(columns.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let c = 0; c < columns.length; c++) {
      const v = row[columns[c]!];
      if (v === undefined) throw new EncodeError(`Insert into ${table}: row ${i} has no value for ${columns[c]}`);
      values[c] = v;
    }
    const line = JSON.stringify(values);
    const room = line.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (offset + room > body.length) {
      const grown = Buffer.allocUnsafe(Math.max(body.length * 2, offset + room));
      body.copy(grown, 0, 0, offset);
      body = grown;
    }
    offset += body.write(line, offset, 'utf8');
    body[offset++] = 10;
  }
  return { columns, body: body.subarray(0, offset), count: rows.length };
}
