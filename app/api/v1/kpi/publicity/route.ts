import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { kpiInput, publicityKpi } from '@/server/metrics/publicity';

export const dynamic = 'force-dynamic';

/**
 * Double publicity (design.md §6): `{ from, to, asOf, groupBy, target, rows, total, calendarWarning }`, rows
 * `{ key, name, due, onTime, late, overdue, pending, onTimeRate, avgDelay }` for decision dates in [from, to], status
 * as of asOf (default today). groupBy unit|district|catalog|month; optional unit, district, kind=license|penalty.
 * City-wide for every caller with read access.
 */
export const GET = restHandler(async (req: Request) => {
  await requireCaller(req, 'read');
  const parsed = kpiInput.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    throw new HttpError(400, `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  try {
    return json(await publicityKpi(parsed.data));
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, error.message);
    throw error;
  }
});
