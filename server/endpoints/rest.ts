import { writeAudit } from '../auth/audit';
import { itemScopeOf } from '../auth/roles';
import { ClientError, invalidInput } from '../errors';
import { requireCaller } from '../http/caller';
import { csvResponse } from '../http/csvExport';
import { json, requestContext, restHandler } from '../http/respond';
import { xlsxResponse } from '../http/xlsxExport';
import { endpointTag, EXPORT_FORMATS, runEndpoint, withoutPage, type AnyEndpoint, type EndpointContext, type ExportFormat } from './define';

/** Which of the endpoints sharing a path a request means (by their `rest.when` parameter). */
function pick(endpoints: readonly AnyEndpoint[], params: Record<string, string>): { endpoint: AnyEndpoint; params: Record<string, string> } {
  const first = endpoints[0]!;
  const when = first.rest.when;
  if (!when) return { endpoint: first, params };
  const { [when.param]: chosen, ...rest } = params;
  const value = chosen ?? endpoints.find((e) => e.rest.when?.isDefault)?.rest.when?.value;
  const endpoint = endpoints.find((e) => e.rest.when?.value === value);
  if (!endpoint) {
    throw new ClientError(400, `${when.param} '${chosen}' is not available: use one of ${endpoints.map((e) => e.rest.when?.value).join(', ')}`);
  }
  return { endpoint, params: rest };
}

async function exportResponse(e: AnyEndpoint, format: ExportFormat, input: object, ctx: EndpointContext): Promise<Response> {
  const spec = e.exports!;
  const filters = withoutPage(input);
  const found = spec.rows(ctx, filters);
  // A list computed whole is computed before anything streams, so its client errors are still a 400.
  const list = Array.isArray(await Promise.resolve(found)) ? ((await found) as unknown[]) : null;
  const rows = list ? (async function* () { yield* list; })() : (found as AsyncIterable<unknown>);
  const done = (count: number) =>
    writeAudit({ action: 'export', actor: ctx.principal, target: e.audit?.target(filters) ?? e.rest.path, filters: { ...filters, format }, rowCount: count, ip: ctx.ip, requestId: ctx.requestId });
  const name = `${spec.file(filters)}.${format}`;
  const res = format === 'csv' ? csvResponse(name, spec.columns, rows, done) : xlsxResponse(name, spec.sheet, spec.columns, rows, done);
  if (list) res.headers.set('x-total-rows', String(list.length));
  return res;
}

/** Whether the request's If-None-Match names `tag` (a list, or *). */
export function ifNoneMatch(req: Request, tag: string): boolean {
  const header = req.headers.get('if-none-match');
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}

/**
 * The GET handler of a REST path from its endpoint definitions: the caller (401/403), one of the endpoints (by
 * `rest.when`), the query (and path parameters) validated by the endpoint's schema (400 naming each field), then
 * JSON, or with format=csv|xlsx every matching item. Audited by runEndpoint and, for exports, when the stream ends.
 */
export function restRoute(...endpoints: AnyEndpoint[]) {
  return restHandler(async (req: Request, route?: { params: Promise<Record<string, string>> }) => {
    // A path whose every endpoint is a display figure is open to display tokens; any other path needs 'read'.
    const principal = await requireCaller(req, endpoints.every((e) => e.need === 'display') ? 'display' : 'read');
    const { format = 'json', ...query } = Object.fromEntries(new URL(req.url).searchParams);
    const { endpoint, params } = pick(endpoints, { ...query, ...(route ? await route.params : {}) });
    const formats = endpoint.exports ? ['json', ...EXPORT_FORMATS] : ['json'];
    if (!formats.includes(format)) throw new ClientError(400, `format '${format}' is not supported: use ${formats.join(', ')}`);
    const parsed = endpoint.input.safeParse(params);
    if (!parsed.success) throw invalidInput(parsed.error.issues);
    const ctx: EndpointContext = { principal, scope: itemScopeOf(principal), ...requestContext(req) };
    if (format !== 'json') return exportResponse(endpoint, format as ExportFormat, parsed.data, ctx);
    const tag = await endpointTag(endpoint, parsed.data, ctx);
    // no-cache: a client may keep the answer but asks again each time; the same data versions answer 304.
    const headers: Record<string, string> = tag ? { etag: tag, 'cache-control': 'private, no-cache' } : {};
    if (tag && ifNoneMatch(req, tag)) return new Response(null, { status: 304, headers });
    const output = await runEndpoint(endpoint, parsed.data, ctx);
    return json(endpoint.rest.answer ? endpoint.rest.answer(output, parsed.data, ctx) : output, { headers });
  });
}
