import { z } from 'zod';
import { today } from '../../clock';
import { queryDate } from '../../domain/dates';
import { attentionList, ingestionCard, publicityCard, sanctionsCard } from '../../metrics/overview/cockpit';
import { createTRPCRouter, protectedProcedure } from '../init';

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
});
