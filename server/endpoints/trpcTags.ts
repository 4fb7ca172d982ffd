import 'server-only';
import superjson from 'superjson';
import { itemScopeOf } from '../auth/roles';
import { tokenMay } from '../auth/scopes';
import type { Context } from '../trpc/init';
import { answerTag } from './answerCache';
import { endpointTag, type AnyEndpoint, type EndpointContext } from './define';
import { endpointOfProcedure } from './trpc';

type Procedures = Record<string, unknown>;

/** The raw inputs of a tRPC GET, one per path (a batch names them by index; superjson-serialised). */
function rawInputs(url: URL, count: number): unknown[] | null {
  const text = url.searchParams.get('input');
  try {
    const parsed: unknown = text === null ? undefined : JSON.parse(text);
    const batch = url.searchParams.get('batch') === '1';
    const of = (i: number) => (batch ? (parsed as Record<string, unknown> | undefined)?.[String(i)] : parsed);
    return Array.from({ length: count }, (_, i) => {
      const raw = of(i);
      return raw === undefined ? undefined : superjson.deserialize(raw as Parameters<typeof superjson.deserialize>[0]);
    });
  } catch {
    return null; // the handler answers the malformed request itself
  }
}

/**
 * The ETag of a tRPC GET (a query or a batch of queries), from the same data versions as REST's (issue 20.1), or null
 * when any call in it is not a tagged figure, its input does not validate, or the caller could not run it: then the
 * request is simply answered. Only a caller the procedures would admit (signed in, a token with the read scope) gets
 * a tag, so a 304 never stands in for a refusal.
 */
export async function trpcGetTag(req: Request, procedures: Procedures, ctx: Context): Promise<string | null> {
  if (req.method !== 'GET' || !ctx.principal || !tokenMay(ctx.principal, 'read')) return null;
  const url = new URL(req.url);
  const paths = decodeURIComponent(url.pathname.replace(/^.*\/api\/trpc\//, '')).split(',');
  const endpoints = paths.map((path) => endpointOfProcedure.get(procedures[path] as object));
  if (endpoints.some((e) => !e)) return null;
  const inputs = rawInputs(url, paths.length);
  if (!inputs) return null;
  const endpointCtx: EndpointContext = { principal: ctx.principal, scope: itemScopeOf(ctx.principal), requestId: ctx.requestId, ip: ctx.ip };
  const tags: string[] = [];
  for (const [i, endpoint] of (endpoints as AnyEndpoint[]).entries()) {
    const parsed = endpoint.input.safeParse(inputs[i]);
    if (!parsed.success) return null;
    const tag = await endpointTag(endpoint, parsed.data, endpointCtx);
    if (!tag) return null;
    tags.push(tag);
  }
  return tags.length === 1 ? (tags[0] as string) : answerTag(tags.join(','));
}
