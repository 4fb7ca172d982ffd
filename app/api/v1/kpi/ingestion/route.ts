import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { resolveFilters } from '@/server/metrics/ingestion/filters';
import { ingestionKpi, ingestionKpiRequest, toApiRow } from '@/server/metrics/ingestion/kpi';

export const dynamic = 'force-dynamic';


/**
 * GET /api/v1/kpi/ingestion (design.md §5, §6): accepted volume (distinct keys), rows as received, quality rate,
 * annual target, completion, year-end projection and on-track per unit, district, catalog item or month.
 * Query: from, to (receipt dates, default 1 January of to's year .. asOf), asOf (default today), groupBy
 * (unit | district | catalog | month, default unit), optional unit, district and catalog filters.
 * KPIs are city-wide for every authenticated caller (no item scope), like the dashboards.
 */
export const GET = restHandler(async (req: Request) => {
  await requireCaller(req, 'read');
  const parsed = ingestionKpiRequest.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    throw new HttpError(400, `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  }
  let filters;
  try {
    filters = resolveFilters(parsed.data);
  } catch (error) {
    if (error instanceof RangeError) throw new HttpError(400, error.message);
    throw error;
  }
  const answer = await ingestionKpi(filters, parsed.data.groupBy);
  return json({
    from: answer.from,
    to: answer.to,
    asOf: answer.asOf,
    groupBy: answer.groupBy,
    rows: answer.rows.map(toApiRow),
    total: toApiRow(answer.total),
  });
});
