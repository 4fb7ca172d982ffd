import 'server-only';
import type { z } from 'zod';
import { writeAudit } from '../auth/audit';
import { answerKey, answerTag, cachedAnswer, type CacheRule } from './answerCache';
import type { ItemScope, Principal } from '../auth/roles';

/** Who asks, from where, under which request id: the same for a tRPC call and a REST request. */
export type EndpointContext = { principal: Principal; scope: ItemScope; requestId: string; ip: string };

/** One export column (Chinese headers: exports go to people); width is the XLSX column width in characters. */
export type ExportColumn<Row> = { header: string; value: (row: Row) => unknown; width?: number };

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Every item behind a list, for format=csv|xlsx: streamed (an AsyncIterable, never held whole) or, where the list is
 * computed whole anyway, an array, whose length then travels ahead of the rows in `x-total-rows`.
 */
export type ExportSpec<Filters, Row> = {
  file: (filters: Filters) => string;
  sheet: string;
  columns: ReadonlyArray<ExportColumn<Row>>;
  rows: (ctx: EndpointContext, filters: Filters) => AsyncIterable<Row> | Promise<Row[]>;
};

/** Page fields an export ignores: an export is every matching item. */
export type PageFields = 'cursor' | 'limit' | 'offset';
export type FiltersOf<Input> = Omit<Input, PageFields>;

/**
 * One figure or item list, from which both its tRPC procedure (server/endpoints/trpc.ts) and its REST route
 * (server/endpoints/rest.ts) are made, and its OpenAPI entry (server/endpoints/openapi.ts).
 * - `run` gets the validated input and the caller; item lists apply `ctx.scope` in SQL, figures are city-wide.
 * - `audit`: item reads are audited here, once, with the request id; an export is audited when its stream ends.
 * - `cache`: a figure (or an item page, with `scoped`) whose answer depends only on its input, the day, the data
 *   versions it names (and the caller's scope) is computed once per version and shared; its GET answers carry an ETag
 *   (304 on If-None-Match) unless it is audited. Audited reads are still written down one by one.
 * - `rest.path` is the OpenAPI path; `rest.when` picks this endpoint among those sharing a path by one query
 *   parameter (GET /api/v1/items/ingestion?status=missing); `rest.answer` reshapes the answer for REST.
 */
export type Endpoint<Schema extends z.ZodType = z.ZodType, Output = unknown, Row = unknown> = {
  name: string;
  summary: string;
  input: Schema;
  run: (input: z.output<Schema>, ctx: EndpointContext) => Promise<Output>;
  audit?: {
    target: (input: z.output<Schema>) => string;
    rowCount: (output: Output) => number;
    detail?: (output: Output) => string;
    /** When only some answers are item reads (an assessment row whose inputs the caller may see). */
    when?: (output: Output, input: z.output<Schema>, ctx: EndpointContext) => boolean;
  };
  rest: {
    path: string;
    when?: { param: string; value: string; isDefault?: boolean };
    answer?: (output: Output, input: z.output<Schema>, ctx: EndpointContext) => unknown;
    /** What the JSON answer holds, for OpenAPI. */
    returns: string;
  };
  exports?: ExportSpec<FiltersOf<z.output<Schema>>, Row>;
  /** Figures computed once per data version for everyone (server/endpoints/answerCache.ts). */
  cache?: CacheRule;
  /** What a token needs to call it: 'read' unless said; 'display' for the big screen's figures (a display token reads only those). */
  need?: 'read' | 'display';
};

// Endpoints of any schema and answer, for code that only passes values between an endpoint's own functions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEndpoint = Endpoint<any, any, any>;

/** Identity with the types inferred: `defineEndpoint({ … })` checks run, audit and exports against the schema. */
export const defineEndpoint = <Schema extends z.ZodType, Output, Row = unknown>(e: Endpoint<Schema, Output, Row>) => e;

/** Run an endpoint for a caller: the one place an item read is audited (tRPC and REST alike). */
export async function runEndpoint<Schema extends z.ZodType, Output>(
  e: Endpoint<Schema, Output, unknown>,
  input: z.output<Schema>,
  ctx: EndpointContext,
): Promise<Output> {
  const output = e.cache
    ? await cachedAnswer(await answerKey(e.name, input, e.cache, ctx.scope), () => e.run(input, ctx))
    : await e.run(input, ctx);
  if (e.audit && (e.audit.when?.(output, input, ctx) ?? true)) {
    await writeAudit({
      action: 'drill_down',
      actor: ctx.principal,
      target: e.audit.target(input),
      filters: input,
      rowCount: e.audit.rowCount(output),
      ip: ctx.ip,
      requestId: ctx.requestId,
      detail: e.audit.detail?.(output),
    });
  }
  return output;
}

/** The filters of an input without its page fields. */
export function withoutPage<T extends object>(input: T): FiltersOf<T> {
  const { cursor: _c, limit: _l, offset: _o, ...filters } = input as T & Record<PageFields, unknown>;
  return filters as FiltersOf<T>;
}

/**
 * The ETag of an endpoint's answer to `input` for this caller, or null where answers are not tagged (uncached, or
 * audited: every read of those is written down, so none is answered from the client's copy).
 */
export async function endpointTag<Schema extends z.ZodType>(e: Endpoint<Schema, unknown, unknown>, input: z.output<Schema>, ctx: EndpointContext): Promise<string | null> {
  if (!e.cache || e.audit) return null;
  return answerTag(await answerKey(e.name, input, e.cache, ctx.scope));
}
