import { z } from 'zod';
import { today } from '../../clock';
import { queryDate } from '../../domain/dates';
import { startOfMonthsAgo } from '../../metrics/months';
import { recordsByMonth, totalsByDistrict } from '../../metrics/overview';
import { attentionList, ingestionCard, publicityCard, sanctionsCard } from '../../metrics/overview/cockpit';
import { createTRPCRouter, protectedProcedure } from '../init';

/** Default window of the overview: the last 24 months up to today. */
const windowInput = z
  .object({ from: queryDate.optional(), to: queryDate.optional() })
  .optional()
  .transform((v) => {
    const to = v?.to ?? today();
    const from = v?.from ?? startOfMonthsAgo(to, 23);
    return { from, to };
  })
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期 (from must not be after to)' });

/** The cockpit is computed for one date (default today); every period of its cards is derived from it. */
const asOfInput = z
  .object({ asOf: queryDate.optional() })
  .optional()
  .transform((v) => v?.asOf ?? today());

/**
 * The leaders' cockpit: one query per card so each draws (or fails) on its own; they travel in one batched request.
 * Cards are city-wide for every role; the attention list is limited to the caller's item scope.
 */
const cockpitRouter = createTRPCRouter({
  ingestion: protectedProcedure.input(asOfInput).query(({ input }) => ingestionCard(input)),
  publicity: protectedProcedure.input(asOfInput).query(({ input }) => publicityCard(input)),
  sanctions: protectedProcedure.input(asOfInput).query(({ input }) => sanctionsCard(input)),
  attention: protectedProcedure.input(asOfInput).query(({ ctx, input }) => attentionList(ctx.scope, input)),
});

export const overviewRouter = createTRPCRouter({
  cockpit: cockpitRouter,
  recordsByMonth: protectedProcedure.input(windowInput).query(async ({ input }) => ({
    ...input,
    rows: await recordsByMonth(input),
  })),
  totalsByDistrict: protectedProcedure.input(windowInput).query(async ({ input }) => ({
    ...input,
    rows: await totalsByDistrict(input),
  })),
});
