import type { z } from 'zod';
import { getClickHouse } from './client';

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

/**
 * Insert rows (objects keyed by column name). The columns are the first row's keys; values go as
 * JSONCompactEachRow (no repeated keys: less to write and to parse). Columns left out take their defaults.
 */
export async function insertRows(table: string, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const { client, rawJsonInsert } = await getClickHouse();
  const columns = Object.keys(rows[0]!);
  const table2d = new Array<unknown[]>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const values = new Array<unknown>(columns.length);
    for (let c = 0; c < columns.length; c++) {
      const v = row[columns[c]!];
      if (v === undefined) throw new QueryError(`Insert into ${table}: row ${i} has no value for ${columns[c]}`, `insert ${table}`);
      values[c] = v;
    }
    table2d[i] = values;
  }
  try {
    if (rawJsonInsert) {
      await rawJsonInsert(table, columns, Buffer.from(table2d.map((v) => JSON.stringify(v)).join('\n')));
    } else {
      await client.insert({ table, columns: columns as [string, ...string[]], values: table2d, format: 'JSONCompactEachRow' });
    }
  } catch (error) {
    throw new QueryError(`Insert into ${table} failed`, `insert ${table}`, { cause: error });
  }
}
