import { canExplain, withExplanationsFor } from '../metrics/assessment/explain';
import { entityAssessment } from '../metrics/assessment/entity';
import { assessmentRanking } from '../metrics/assessment/ranking';
import { entityRequest, rankingRequest } from '../metrics/assessment/request';
import { DEPENDS_ON } from './answerCache';
import { defineEndpoint } from './define';

/**
 * 考核排名: ranks, totals and indicator scores are city-wide for every caller; the explanations (inputs, items) only
 * within the caller's scope (server/metrics/assessment/explain.ts), and an explained entity page is an item read.
 */
export const rankingEndpoint = defineEndpoint({
  name: 'assessment.ranking',
  summary: '考核 scores and ranks of a period (YYYY-MM | YYYY-Qn | YYYY | R12-YYYY-MM): total, rank, previous rank, movement, indicator scores',
  input: rankingRequest,
  run: async (input, ctx) => {
    const r = await assessmentRanking(input);
    return { ...r, rows: withExplanationsFor(ctx.scope, input.level, r.rows) };
  },
  cache: DEPENDS_ON.assessment,
  rest: {
    path: '/api/v1/assessment',
    returns: '{ period, level, schemeVersion, asOf, previousPeriod, rows: [{ code, name, total, rank, previousRank, movement, indicators }] }',
    answer: (r) => ({
      period: r.period.key,
      level: r.level,
      schemeVersion: r.scheme.version,
      asOf: r.asOf,
      previousPeriod: r.previousPeriod,
      rows: r.rows.map((row) => ({
        code: row.code,
        name: row.name,
        total: row.total,
        rank: row.rank,
        previousRank: row.previousRank,
        movement: row.movement,
        indicators: row.indicators.map((i) => ({ code: i.code, name: i.name, score: i.score, max: i.max, lost: i.lost, rule: i.rule, inputs: i.inputs })),
      })),
    }),
  },
});

export const entityEndpoint = defineEndpoint({
  name: 'assessment.entity',
  summary: 'One district\'s or unit\'s assessment: its row explained (within the caller\'s scope), comparison with the average and best, and twelve months of history; 404 for a code not assessed',
  input: entityRequest,
  run: async (input, ctx) => {
    const e = await entityAssessment(input);
    return { ...e, row: withExplanationsFor(ctx.scope, input.level, [e.row])[0]!, explained: canExplain(ctx.scope, input.level, e.row) };
  },
  audit: { target: () => 'assessment/entity', rowCount: (e) => e.row.indicators.length, when: (e) => e.explained },
  cache: DEPENDS_ON.assessment,
  rest: { path: '/api/v1/assessment/entity', returns: '{ ranking, row, comparison, history, explained }' },
});
