import type { Principal } from './roles';
import { tokenScopeDenial } from './scopes';
import { principalFromToken } from './tokens';

/**
 * The caller of `/screen?key=<token>` (issue 17): the token's principal when it may draw the big screen (a display,
 * read or admin scope), else why not. The use is recorded like every token's (principalFromToken), a refusal audited
 * (tokenScopeDenial). The page itself reads nothing with it: its data calls carry the key as a bearer token, which
 * the API checks again.
 */
export async function displayKeyCaller(key: string, ip?: string): Promise<{ principal: Principal } | { status: 401 | 403; message: string }> {
  const principal = await principalFromToken(key);
  if (!principal) return { status: 401, message: '大屏链接无效或已吊销 (the screen link is unknown or revoked: ask the platform office for a new one)' };
  const denial = await tokenScopeDenial(principal, 'display', '/screen', ip);
  return denial ? { status: 403, message: denial } : { principal };
}
