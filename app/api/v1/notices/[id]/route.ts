import { clientIp } from '@/server/http/proxyTrust';
import { writeAudit } from '@/server/auth/audit';
import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { getNotice, NoticeError } from '@/server/inspection/notices';

export const dynamic = 'force-dynamic';

/** GET /api/v1/notices/{id}: one notice with its items (rectified on, late) and events; 404 outside the caller's scope. */
export const GET = restHandler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const caller = await requireCaller(req, 'read');
  const { id } = await ctx.params;
  try {
    const notice = await getNotice(itemScopeOf(caller), id);
    await writeAudit({ action: 'drill_down', actor: caller, target: `notices/${notice.id}`, rowCount: notice.items.length, ip: clientIp(req.headers), detail: notice.number });
    return json(notice);
  } catch (error) {
    if (error instanceof NoticeError) throw new HttpError(error.status, error.message);
    throw error;
  }
});
