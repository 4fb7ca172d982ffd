import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { sanctionKpi } from '@/server/metrics/sanctions/kpi';
import { sanctionKpiRequest } from '@/server/metrics/sanctions/request';

export const dynamic = 'force-dynamic';

/** GET /api/v1/kpi/sanctions?from&to&asOf&groupBy=unit|district|measure|month&unit&district&measure&kind&listType */
export const GET = restHandler(async (req: Request) => {
  await requireCaller(req, 'read');
  const parsed = sanctionKpiRequest.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    throw new HttpError(400, `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  }
  const { groupBy, ...filters } = parsed.data;
  return json(await sanctionKpi(filters, groupBy));
});
