import 'server-only';
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { authOptions } from './options';
import { principalFromToken } from './tokens';
import { findUserById } from './users';
import type { Principal } from './roles';

/** The signed-in user behind the session cookie, read fresh from ClickHouse (role, binding, disabled). */
export async function principalFromSession(): Promise<Principal | null> {
  let session;
  try {
    session = await getServerSession(authOptions);
  } catch {
    return null; // no request scope (scripts, tests): nobody is signed in
  }
  return userPrincipal((session?.user as { id?: string } | undefined)?.id);
}

/** The user a session id stands for, read fresh from ClickHouse: a disabled or deleted user is nobody. */
async function userPrincipal(id: string | undefined): Promise<Principal | null> {
  if (!id) return null;
  const user = await findUserById(id);
  if (!user || user.disabled) return null;
  return {
    kind: 'user',
    id: user.id,
    name: user.email,
    role: user.role,
    districtCode: user.districtCode,
    unitCode: user.unitCode,
    tokenScopes: [],
  };
}

/** A bearer token wins over a session; an invalid bearer token is not silently replaced by the session. */
export async function principalFromRequest(headers: Headers): Promise<{ principal: Principal | null; badToken: boolean }> {
  const auth = headers.get('authorization');
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    const principal = match?.[1] ? await principalFromToken(match[1]) : null;
    return { principal, badToken: principal === null };
  }
  return { principal: await principalFromSessionCookie(headers), badToken: false };
}

// next-auth names its cookie __Secure-… when served over HTTPS; a browser sets that name only over HTTPS.
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/**
 * The session cookie of this very request, decoded with the session secret: an API route or tRPC call takes its
 * caller from the request it was handed, not from ambient request state, so the check is the same wherever it runs.
 */
async function principalFromSessionCookie(headers: Headers): Promise<Principal | null> {
  const cookies = new Map<string, string>();
  for (const part of (headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  for (const cookieName of SESSION_COOKIES) {
    // No headers handed on: getToken would otherwise take an Authorization header for a session (handled above).
    const token = await getToken({ req: { headers: {}, cookies } as unknown as Parameters<typeof getToken>[0]['req'], cookieName });
    if (token) return userPrincipal(token.sub);
  }
  return null;
}
