import { writeAudit } from './audit';
import type { Principal, TokenScope } from './roles';

/** What a request needs from its caller, the same words for REST and tRPC. */
export type Need = 'read' | 'ingest' | 'admin' | 'batch' | 'display';

const TOKEN_SCOPES_FOR: Record<Need, readonly TokenScope[]> = {
  read: ['read', 'admin'],
  ingest: ['ingest', 'backfill'],
  admin: ['admin'],
  batch: ['ingest', 'backfill', 'read', 'admin'], // a sender may check its own batches
  display: ['display', 'read', 'admin'], // the big screen's figures: what a display token may read, and all it may
};

/** Whether the principal may go on for `need` (users always; tokens within their scopes). Pure: nothing audited. */
export const tokenMay = (principal: Principal, need: Need): boolean =>
  principal.kind !== 'token' || TOKEN_SCOPES_FOR[need].some((s) => principal.tokenScopes.includes(s));

/**
 * The one scope rule for API tokens, applied by both transports (server/http/caller.ts, server/trpc/init.ts): a token
 * acts as its unit's user only within its scopes. Users are not limited here (their role is). A denied use is audited;
 * the answer is the message that says what to fix, or null when the principal may go on.
 */
export async function tokenScopeDenial(principal: Principal, need: Need, target: string, ip?: string): Promise<string | null> {
  if (principal.kind !== 'token') return null;
  if (tokenMay(principal, need)) return null;
  await writeAudit({ action: 'token_used_denied', actor: principal, target, detail: `needs ${need}`, ip });
  const has = principal.tokenScopes.join(', ') || 'none';
  return `此令牌缺少 '${need}' 权限 (this token lacks the '${need}' scope; it has: ${has})`;
}
