import { TRPCError } from '@trpc/server';
import { writeAudit } from '../../auth/audit';
import {
  histogramInput,
  itemsInput,
  kpiInput,
  publicityDelayHistogram,
  publicityItems,
  publicityKpi,
} from '../../metrics/publicity';
import { createTRPCRouter, protectedProcedure } from '../init';

/** A period the caller got wrong (from after to) is a client error with its message, not a 500. */
async function clientErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RangeError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

/**
 * 双公示 (double publicity). Figures are city-wide for every signed-in role; items are scoped in SQL by ctx.scope
 * and every items request is audited.
 */
export const publicityRouter = createTRPCRouter({
  kpi: protectedProcedure.input(kpiInput).query(({ input }) => clientErrors(() => publicityKpi(input))),
  delayHistogram: protectedProcedure
    .input(histogramInput)
    .query(({ input }) => clientErrors(() => publicityDelayHistogram(input))),
  items: protectedProcedure.input(itemsInput).query(async ({ ctx, input }) => {
    const page = await clientErrors(() => publicityItems(ctx.scope, input));
    await writeAudit({
      action: 'drill_down',
      actor: ctx.principal,
      target: `items/publicity?status=${(input.status ?? []).join(',') || 'all'}`,
      filters: input,
      rowCount: page.items.length,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return page;
  }),
});
