import { principalFromRequest } from '../auth/principal';
import type { Principal } from '../auth/roles';
import { tokenScopeDenial, type Need } from '../auth/scopes';
import { ClientError, invalidInput } from '../errors';
import { changesState, isSameOrigin } from './sameOrigin';

export type { Need } from '../auth/scopes';

/**
 * The caller of a REST request, from a bearer token or the session cookie: 401 when there is none (or the token is
 * unknown or revoked), 403 when it lacks what the endpoint needs.
 */
export async function requireCaller(req: Request, need: Need): Promise<Principal> {
  const { principal, badToken } = await principalFromRequest(req.headers);
  if (!principal) {
    throw new ClientError(
      401,
      badToken
        ? 'The bearer token is unknown or revoked: ask the platform office for a valid token'
        : 'Authentication required: send Authorization: Bearer <token> or sign in',
    );
  }
  const denial = await tokenScopeDenial(principal, need, new URL(req.url).pathname);
  if (denial) throw new ClientError(403, denial);
  if (principal.kind === 'token') return principal;
  // A session cookie rides along on any site's request; a bearer token does not, so only cookie callers are checked.
  if (changesState(req) && !isSameOrigin(req)) {
    throw new ClientError(
      403,
      '跨站请求被拒绝：登录用户只能从本站页面修改数据 (cross-site request refused: a signed-in browser may change data only from this site\'s own pages, with a same-origin Origin header; machines send Authorization: Bearer <token>)',
    );
  }
  if (need === 'admin' && principal.role !== 'admin') {
    throw new ClientError(403, 'Only the platform office (admin) may do this');
  } else if (need === 'ingest' && principal.role !== 'unit' && principal.role !== 'admin') {
    throw new ClientError(403, 'Only member-unit users and admins may submit data');
  }
  return principal;
}

/**
 * Parse a JSON body against a zod schema, answering 400 with what to fix. Only application/json is read: a form or
 * text/plain body is what a cross-site page can send without asking (no CORS preflight), so it is refused with 415.
 */
export async function readJson<T>(req: Request, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): Promise<T> {
  const contentType = req.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) {
    throw new ClientError(415, `请求体须为 JSON (send Content-Type: application/json; got '${contentType || 'none'}')`);
  }
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new ClientError(400, 'The body must be JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw invalidInput(parsed.error.issues, 'body');
  return parsed.data;
}
