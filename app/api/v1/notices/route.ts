import { clientIp } from '@/server/http/proxyTrust';
import { writeAudit } from '@/server/auth/audit';
import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { listNotices, noticeListInput } from '@/server/inspection/notices';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/notices?status=open|closed|issued|acknowledged&unit=&district=&from=&to= : supervision notices the caller
 * may see (a unit its own, a district those of its units, everyone else all), newest first, with item counts,
 * acknowledgement and closure dates as the data shows them now.
 */
export const GET = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'read');
  const parsed = noticeListInput.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    throw new HttpError(400, `Invalid filter: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  }
  const items = await listNotices(itemScopeOf(caller), parsed.data);
  await writeAudit({ action: 'drill_down', actor: caller, target: 'notices', filters: parsed.data, rowCount: items.length, ip: clientIp(req.headers) });
  return json({ items });
});
