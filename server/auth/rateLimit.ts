import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { queryOne } from '../db/query';

/**
 * Sign-in limits, over a 15-minute window of failures:
 * - five failures for one account from one address block that account from that address: a guesser is stopped, but
 *   nobody can lock the owner out from elsewhere (the admin's account included);
 * - twenty failures from one address, whatever the accounts, block the address (password spraying);
 * - failures of one account from all addresses together slow every further try on it, one second more for each
 *   doubling, at most ten: many addresses guessing one account are held back, and the owner still gets in.
 */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_MAX_ADDRESS_FAILURES = 20;
export const SIGN_IN_WINDOW_MINUTES = 15;
export const SIGN_IN_MAX_DELAY_SECONDS = 10;

/** The wait before judging a try, after an account's failures from every address (none up to the per-pair limit). */
export function signInDelaySeconds(accountFailures: number): number {
  if (accountFailures <= SIGN_IN_MAX_FAILURES) return 0;
  return Math.min(SIGN_IN_MAX_DELAY_SECONDS, 2 ** (accountFailures - SIGN_IN_MAX_FAILURES - 1));
}

export type SignInLimit = { blocked: boolean; retryAfterMinutes: number; delaySeconds: number };

/**
 * Counted from the audit log, so the limits hold across restarts and across app instances sharing one ClickHouse.
 * ip is the client address (server/http/proxyTrust.ts); '' when unknown, which counts as one address of its own.
 */
export async function signInLimit(email: string, ip: string): Promise<SignInLimit> {
  const row = await queryOne(
    `-- sign-in failures in the window
     SELECT countIf(actor = {email:String} AND ip = {ip:String}) AS byPair,
            countIf({ip:String} != '' AND ip = {ip:String}) AS byAddress,
            countIf(actor = {email:String}) AS byAccount,
            toUInt32(ceil(dateDiff('second', {now:DateTime64(3, 'Asia/Shanghai')},
                                   maxIf(at, ip = {ip:String}) + toIntervalMinute({window:UInt32})) / 60)) AS retry
     FROM audit_log
     WHERE action = 'sign_in_failed' AND at > {now:DateTime64(3, 'Asia/Shanghai')} - toIntervalMinute({window:UInt32})`,
    { email, ip, window: SIGN_IN_WINDOW_MINUTES, now: shanghaiTimestamp() },
    z.object({ byPair: z.number(), byAddress: z.number(), byAccount: z.number(), retry: z.number() }),
  );
  const blocked = row.byPair >= SIGN_IN_MAX_FAILURES || row.byAddress >= SIGN_IN_MAX_ADDRESS_FAILURES;
  return { blocked, retryAfterMinutes: blocked ? Math.max(1, row.retry) : 0, delaySeconds: signInDelaySeconds(row.byAccount) };
}
