import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { queryOne } from '../db/query';

/** Five failed sign-ins within 15 minutes, for one account or from one address, block further tries for that window. */
export const SIGN_IN_MAX_FAILURES = 5;
export const SIGN_IN_WINDOW_MINUTES = 15;

/**
 * Counted from the audit log, so the limit holds across restarts and across app instances sharing one ClickHouse.
 */
export async function signInBlocked(email: string, ip: string): Promise<{ blocked: boolean; retryAfterMinutes: number }> {
  const row = await queryOne(
    `-- sign-in failures in the window
     SELECT countIf(actor = {email:String}) AS byAccount,
            countIf({ip:String} != '' AND ip = {ip:String}) AS byAddress,
            toUInt32(ceil(dateDiff('second', {now:DateTime64(3, 'Asia/Shanghai')}, max(at) + toIntervalMinute({window:UInt32})) / 60)) AS retry
     FROM audit_log
     WHERE action = 'sign_in_failed' AND at > {now:DateTime64(3, 'Asia/Shanghai')} - toIntervalMinute({window:UInt32})`,
    { email, ip, window: SIGN_IN_WINDOW_MINUTES, now: shanghaiTimestamp() },
    z.object({ byAccount: z.number(), byAddress: z.number(), retry: z.number() }),
  );
  const blocked = row.byAccount >= SIGN_IN_MAX_FAILURES || row.byAddress >= SIGN_IN_MAX_FAILURES;
  return { blocked, retryAfterMinutes: blocked ? Math.max(1, row.retry) : 0 };
}
