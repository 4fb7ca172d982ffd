import { principalFromRequest } from '../auth/principal';
import type { Principal } from '../auth/roles';
import { tokenScopeDenial, type Need } from '../auth/scopes';
import { HttpError } from './respond';

export type { Need } from '../auth/scopes';

/**
 * The caller of a REST request, from a bearer token or the session cookie: 401 when there is none (or the token is
 * unknown or revoked), 403 when it lacks what the endpoint needs.
 */
export async function requireCaller(req: Request, need: Need): Promise<Principal> {
  const { principal, badToken } = await principalFromRequest(req.headers);
  if (!principal) {
    throw new HttpError(
      401,
      badToken
        ? 'The bearer token is unknown or revoked: ask the platform office for a valid token'
        : 'Authentication required: send Authorization: Bearer <token> or sign in',
    );
  }
  const denial = await tokenScopeDenial(principal, need, new URL(req.url).pathname);
  if (denial) throw new HttpError(403, denial);
  if (principal.kind === 'token') return principal;
  if (need === 'admin' && principal.role !== 'admin') {
    throw new HttpError(403, 'Only the platform office (admin) may do this');
  } else if (need === 'ingest' && principal.role !== 'unit' && principal.role !== 'admin') {
    throw new HttpError(403, 'Only member-unit users and admins may submit data');
  }
  return principal;
}

/** Parse a JSON body against a zod schema, answering 400 with what to fix. */
export async function readJson<T>(req: Request, schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } }): Promise<T> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw new HttpError(400, 'The body must be JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new HttpError(400, `Invalid request: ${issues.join('; ')}`, { issues });
  }
  return parsed.data;
}
