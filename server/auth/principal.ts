import { getServerSession } from 'next-auth';
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
  const id = (session?.user as { id?: string } | undefined)?.id;
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
  return { principal: await principalFromSession(), badToken: false };
}
