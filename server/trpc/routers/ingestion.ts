import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { writeAudit } from '../../auth/audit';
import type { Principal } from '../../auth/roles';
import { acceptedItems, acceptedItemsInput } from '../../metrics/ingestion/acceptedItems';
import { unitBaseline, volumeAnomalies } from '../../metrics/ingestion/anomalies';
import { batchItems, batchItemsInput } from '../../metrics/ingestion/batchItems';
import { resolveFilters, withFilters, type DashboardFilterInput, type Filters } from '../../metrics/ingestion/filters';
import { anomalyItems, anomalyItemsInput, missingItems, missingItemsInput } from '../../metrics/ingestion/items';
import { ingestionKpi, KPI_GROUP_BY } from '../../metrics/ingestion/kpi';
import { submissionsByUnit } from '../../metrics/ingestion/missing';
import { defaultGrain, GRAINS } from '../../metrics/ingestion/periods';
import { rejectedByErrorCode } from '../../metrics/ingestion/quality';
import { rejectedItems, rejectedItemsInput } from '../../metrics/ingestion/rejectedItems';
import { volumeHeatmap, volumeSeries } from '../../metrics/ingestion/volume';
import { createTRPCRouter, protectedProcedure } from '../init';

/** Filters with defaults; a period the defaults make inverted (from after today) is the caller's mistake. */
function filters(input: DashboardFilterInput): Filters {
  try {
    return resolveFilters(input);
  } catch (error) {
    if (error instanceof RangeError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

/** Client mistakes found while computing (too many buckets) become 400s with their message. */
async function clientErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RangeError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

type Ctx = { principal: Principal; ip: string; requestId: string };
const audit = (ctx: Ctx, status: string, filters: unknown, rowCount: number) =>
  writeAudit({
    action: 'drill_down',
    actor: ctx.principal,
    target: `items/ingestion?status=${status}`,
    filters,
    rowCount,
    ip: ctx.ip,
    requestId: ctx.requestId,
  });

const plain = withFilters({});

/**
 * 归集 (ingestion) figures: city-wide aggregates for every signed-in role, and the items behind them, which apply
 * the caller's item scope in SQL and are audited.
 */
export const ingestionRouter = createTRPCRouter({
  kpi: protectedProcedure
    .input(withFilters({ groupBy: z.enum(KPI_GROUP_BY).default('unit') }))
    .query(({ input }) => ingestionKpi(filters(input), input.groupBy)),

  volume: protectedProcedure.input(withFilters({ grain: z.enum(GRAINS).optional() })).query(({ input }) => {
    const f = filters(input);
    return clientErrors(async () => ({ ...f, ...(await volumeSeries(f, input.grain ?? defaultGrain(f.from, f.to))) }));
  }),

  heatmap: protectedProcedure.input(plain).query(async ({ input }) => {
    const f = filters(input);
    return { ...f, ...(await volumeHeatmap(f)) };
  }),

  errorCodes: protectedProcedure.input(plain).query(async ({ input }) => {
    const f = filters(input);
    return { ...f, ...(await rejectedByErrorCode(f)) };
  }),

  /** Missing windows and last receipt per unit (counts only: the windows themselves are items). */
  submissions: protectedProcedure.input(plain).query(async ({ input }) => {
    const f = filters(input);
    return { ...f, ...(await submissionsByUnit(f)) };
  }),

  /** Units with anomalous days (counts only: the unit-days themselves are items). */
  anomalies: protectedProcedure.input(plain).query(async ({ input }) => {
    const f = filters(input);
    const { items, ...rest } = await volumeAnomalies(f);
    return { ...f, ...rest, anomalousDays: items.length };
  }),

  /** One unit's daily volume and baseline band, for the chart (daily counts, no item detail). */
  unitBaseline: protectedProcedure
    .input(withFilters({ unitCode: z.string().min(1).max(40) }))
    .query(async ({ input }) => {
      const f = filters(input);
      return { ...f, ...(await unitBaseline(f, input.unitCode)) };
    }),

  /** The quarantine, scoped in SQL by ctx.scope; every drill-down is audited. */
  rejectedItems: protectedProcedure.input(rejectedItemsInput).query(async ({ ctx, input }) => {
    const page = await rejectedItems(ctx.scope, input);
    await audit(ctx, 'rejected', input, page.items.length);
    return page;
  }),

  acceptedItems: protectedProcedure.input(acceptedItemsInput).query(async ({ ctx, input }) => {
    const f = filters(input);
    const page = await acceptedItems(ctx.scope, f, input);
    await audit(ctx, 'accepted', input, page.items.length);
    return page;
  }),

  missingItems: protectedProcedure.input(missingItemsInput).query(async ({ ctx, input }) => {
    const f = filters(input);
    const page = await missingItems(ctx.scope, f, input);
    await audit(ctx, 'missing', input, page.items.length);
    return page;
  }),

  anomalyItems: protectedProcedure.input(anomalyItemsInput).query(async ({ ctx, input }) => {
    const f = filters(input);
    const page = await anomalyItems(ctx.scope, f, input);
    await audit(ctx, 'anomaly', input, page.items.length);
    return page;
  }),

  batchItems: protectedProcedure.input(batchItemsInput).query(async ({ ctx, input }) => {
    const page = await batchItems(ctx.scope, input);
    await audit(ctx, 'batches', input, page.items.length);
    return page;
  }),
});
