import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { withExplanationsFor } from '@/server/metrics/assessment/explain';
import { assessmentRanking } from '@/server/metrics/assessment/ranking';
import { rankingRequest } from '@/server/metrics/assessment/request';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/assessment?period=YYYY-MM|YYYY-Qn|YYYY|R12-YYYY-MM&level=district|unit (design.md §6): every entity's
 * total, rank, previous rank, movement and indicator scores; inputs only within the caller's scope.
 */
export const GET = restHandler(async (req: Request) => {
  const principal = await requireCaller(req, 'read');
  const parsed = rankingRequest.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    throw new HttpError(400, `Invalid query: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  }
  const r = await assessmentRanking(parsed.data);
  const rows = withExplanationsFor(itemScopeOf(principal), parsed.data.level, r.rows);
  return json({
    period: r.period.key,
    level: r.level,
    schemeVersion: r.scheme.version,
    asOf: r.asOf,
    previousPeriod: r.previousPeriod,
    rows: rows.map((row) => ({
      code: row.code,
      name: row.name,
      total: row.total,
      rank: row.rank,
      previousRank: row.previousRank,
      movement: row.movement,
      indicators: row.indicators.map((i) => ({ code: i.code, name: i.name, score: i.score, max: i.max, lost: i.lost, rule: i.rule, inputs: i.inputs })),
    })),
  });
});
