import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { z } from 'zod';
import { getClickHouse } from './client';
import { encodeRows, type EncodedRows } from './encodeRows';

/**
 * Values bound as ClickHouse query parameters: the SQL names them `{name:Type}` and the server substitutes them.
 * Nothing from input is ever spliced into SQL text.
 */
export type QueryParams = Record<string, unknown>;

export class QueryError extends Error {
  constructor(
    message: string,
    readonly sqlName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QueryError';
  }
}

/** A short name for logs: the first line of the SQL that is a comment, or its first words. */
function nameOf(sql: string): string {
  const comment = /--\s*(.+)/.exec(sql);
  return (comment?.[1] ?? sql.trim().slice(0, 60)).trim();
}

/** Run a SELECT and return its rows, each checked against `row` (a zod schema), so callers get typed, trusted data. */
export async function queryRows<S extends z.ZodType>(
  sql: string,
  params: QueryParams,
  row: S,
): Promise<Array<z.output<S>>> {
  const { client } = await getClickHouse();
  let raw: unknown[];
  try {
    const result = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
    raw = await result.json();
  } catch (error) {
    throw new QueryError(`ClickHouse query failed (${nameOf(sql)})`, nameOf(sql), { cause: error });
  }
  return raw.map((r, i) => {
    const parsed = row.safeParse(r);
    if (!parsed.success) {
      throw new QueryError(
        `Row ${i} of ${nameOf(sql)} does not match its schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
        nameOf(sql),
      );
    }
    return parsed.data;
  });
}

/** A SELECT that must return exactly one row (aggregates). */
export async function queryOne<S extends z.ZodType>(sql: string, params: QueryParams, row: S): Promise<z.output<S>> {
  const rows = await queryRows(sql, params, row);
  const first = rows[0];
  if (rows.length !== 1 || first === undefined) {
    throw new QueryError(`${nameOf(sql)} returned ${rows.length} rows, expected 1`, nameOf(sql));
  }
  return first;
}

/** DDL or a statement without result rows; parameters still bound. */
export async function runCommand(sql: string, params: QueryParams = {}): Promise<void> {
  const { client } = await getClickHouse();
  try {
    await client.command({ query: sql, query_params: params });
  } catch (error) {
    throw new QueryError(`ClickHouse command failed (${nameOf(sql)})`, nameOf(sql), { cause: error });
  }
}

/** Insert rows (objects keyed by column name); the columns are the first row's, left-out columns take their defaults. */
export async function insertRows(table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  let encoded: EncodedRows;
  try {
    encoded = encodeRows(table, rows);
  } catch (error) {
    throw new QueryError(error instanceof Error ? error.message : String(error), `insert ${table}`);
  }
  await insertEncoded(table, encoded);
}

/** Insert rows already encoded by encodeRows (e.g. in a worker thread). */
export async function insertEncoded(table: string, rows: EncodedRows): Promise<void> {
  if (rows.count === 0) return;
  const { client, rawJsonInsert } = await getClickHouse();
  try {
    if (rawJsonInsert) {
      await rawJsonInsert(table, rows.columns, rows.body);
    } else {
      // Already encoded: sent as the request body of the INSERT (column names come from our own row objects).
      const result = await client.exec({
        query: `INSERT INTO ${table} (${rows.columns.join(', ')}) FORMAT JSONCompactEachRow`,
        values: Readable.from([rows.body]),
      });
      result.stream.resume();
      await finished(result.stream);
    }
  } catch (error) {
    throw new QueryError(`Insert into ${table} failed`, `insert ${table}`, { cause: error });
  }
}
