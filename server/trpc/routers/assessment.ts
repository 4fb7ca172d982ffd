import { z } from 'zod';
import { ClientError } from '../../errors';
import { writeAudit } from '../../auth/audit';
import { LEVELS, schemeInForce } from '../../../shared/assessmentScheme';
import { enterManualScore, listSchemes, manualScores, saveScheme } from '../../assessment/store';
import { entityEndpoint, rankingEndpoint } from '../../endpoints/assessment';
import { procedureOf } from '../../endpoints/trpc';
import { withExplanationsFor } from '../../metrics/assessment/explain';
import { assessedEntities, assessmentWhatIf } from '../../metrics/assessment/ranking';
import { manualScoreRequest, saveSchemeRequest, whatIfRequest } from '../../metrics/assessment/request';
import { adminProcedure, createTRPCRouter, protectedProcedure } from '../init';

/**
 * 考核排名: ranks, totals and indicator scores are city-wide for every role; the explanations (inputs, items) are
 * limited to the caller's scope (server/metrics/assessment/explain.ts). Schemes and manual scores are the office's.
 */
export const assessmentRouter = createTRPCRouter({
  ranking: procedureOf(rankingEndpoint),
  entity: procedureOf(entityEndpoint),

  whatIf: protectedProcedure.input(whatIfRequest).query(async ({ ctx, input }) => {
    const r = await assessmentWhatIf(input);
    return {
      current: { ...r.current, rows: withExplanationsFor(ctx.scope, input.level, r.current.rows) },
      whatIf: { ...r.whatIf, rows: withExplanationsFor(ctx.scope, input.level, r.whatIf.rows) },
    };
  }),

  schemes: protectedProcedure.input(z.object({ level: z.enum(LEVELS) })).query(({ input }) => listSchemes(input.level)),

  entities: protectedProcedure.input(z.object({ level: z.enum(LEVELS) })).query(({ input }) => assessedEntities(input.level)),

  saveScheme: adminProcedure.input(saveSchemeRequest).mutation(async ({ ctx, input }) => {
    const saved = await saveScheme({ ...input, createdBy: ctx.principal.name });
    await writeAudit({
      action: 'admin_change',
      actor: ctx.principal,
      target: `assessment/scheme/${input.level}/v${saved.version}`,
      filters: { effectiveFrom: input.effectiveFrom, indicators: input.indicators.map((i) => `${i.code}:${i.maxPoints}:${i.method.kind}`) },
      ip: ctx.ip,
      requestId: ctx.requestId,
      detail: input.note,
    });
    return saved;
  }),

  manualScores: adminProcedure
    .input(z.object({ level: z.enum(LEVELS), period: manualScoreRequest.shape.period }))
    .query(({ input }) => manualScores(input.level, [input.period])),

  enterManualScore: adminProcedure.input(manualScoreRequest).mutation(async ({ ctx, input }) => {
    const [schemes, entities] = await Promise.all([listSchemes(input.level), assessedEntities(input.level)]);
    const scheme = schemeInForce(schemes, input.period);
    const indicator = scheme?.indicators.find((i) => i.code === input.indicatorCode);
    if (!indicator || indicator.method.kind !== 'manual') {
      throw new ClientError(400, `${input.period} 适用的方案中没有人工录入指标 ${input.indicatorCode} (no manual indicator with this code in force)`);
    }
    if (input.score > indicator.maxPoints) {
      throw new ClientError(400, `分数不能超过该指标满分 ${indicator.maxPoints} (score above the indicator's maximum)`);
    }
    if (!entities.some((e) => e.code === input.entityCode)) {
      throw new ClientError(400, `${input.entityCode} 不是被考核对象 (not an assessed ${input.level})`);
    }
    const entry = await enterManualScore({ ...input, enteredBy: ctx.principal.name });
    await writeAudit({
      action: 'admin_change',
      actor: ctx.principal,
      target: `assessment/manual/${input.level}/${input.period}/${input.indicatorCode}/${input.entityCode}`,
      filters: { score: input.score },
      ip: ctx.ip,
      requestId: ctx.requestId,
      detail: input.reason,
    });
    return entry;
  }),
});
