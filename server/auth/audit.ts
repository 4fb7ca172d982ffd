import { z } from 'zod';
import { insertRows, queryRows } from '../db/query';
import { shanghaiTimestamp } from '../clock';
import type { Principal } from './roles';

export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_blocked',
  'drill_down',
  'export',
  'admin_change',
  'token_used_denied',
  'notice',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditEntry = {
  action: AuditAction;
  actor?: Pick<Principal, 'id' | 'name' | 'role'> | null;
  actorName?: string; // when there is no principal (a failed sign-in)
  target: string;
  filters?: unknown;
  rowCount?: number;
  ip?: string;
  requestId?: string;
  detail?: string;
};

/** Append to the audit log. */
export async function writeAudit(entry: AuditEntry): Promise<void> {
  await insertRows('audit_log', [
    {
      at: shanghaiTimestamp(),
      request_id: entry.requestId ?? '',
      actor_id: entry.actor?.id ?? '',
      actor: entry.actor?.name ?? entry.actorName ?? '',
      role: entry.actor?.role ?? '',
      action: entry.action,
      target: entry.target,
      filters: entry.filters === undefined ? '' : JSON.stringify(entry.filters),
      row_count: entry.rowCount ?? 0,
      ip: entry.ip ?? '',
      detail: entry.detail ?? '',
    },
  ]);
}

export const auditRow = z.object({
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  target: z.string(),
  filters: z.string(),
  rowCount: z.number(),
  ip: z.string(),
  detail: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;

export type AuditFilter = { action?: string; actor?: string; from?: string; to?: string; limit: number; offset: number };

/** Newest first; filters are bound parameters (an empty filter matches everything). */
export function listAudit(f: AuditFilter): Promise<AuditRow[]> {
  return queryRows(
    `-- audit log page
     SELECT toString(at) AS at, actor, role, action, target, filters,
            row_count AS rowCount, ip, detail
     FROM audit_log
     WHERE ({action:String} = '' OR action = {action:String})
       AND ({actor:String} = '' OR positionCaseInsensitive(actor, {actor:String}) > 0)
       AND ({from:Nullable(Date)} IS NULL OR toDate(at) >= {from:Nullable(Date)})
       AND ({to:Nullable(Date)} IS NULL OR toDate(at) <= {to:Nullable(Date)})
     ORDER BY at DESC
     LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    { action: f.action ?? '', actor: f.actor ?? '', from: f.from ?? null, to: f.to ?? null, limit: f.limit, offset: f.offset },
    auditRow,
  );
}
