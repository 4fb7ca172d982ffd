import { writeAudit } from '../../auth/audit';
import { sanctionFunnel, sanctionKpi } from '../../metrics/sanctions/kpi';
import { sanctionItems } from '../../metrics/sanctions/items';
import { sanctionFilterRequest, sanctionItemsRequest, sanctionKpiRequest } from '../../metrics/sanctions/request';
import { createTRPCRouter, protectedProcedure } from '../init';

/** 联合奖惩: aggregates are city-wide for every role; items are scoped by ctx.scope in SQL and audited. */
export const sanctionsRouter = createTRPCRouter({
  kpi: protectedProcedure.input(sanctionKpiRequest).query(({ input }) => {
    const { groupBy, ...filters } = input;
    return sanctionKpi(filters, groupBy);
  }),
  funnel: protectedProcedure.input(sanctionFilterRequest).query(({ input }) => sanctionFunnel(input)),
  items: protectedProcedure.input(sanctionItemsRequest).query(async ({ ctx, input }) => {
    const page = await sanctionItems(ctx.scope, input);
    await writeAudit({
      action: 'drill_down',
      actor: ctx.principal,
      target: 'items/sanctions',
      filters: input,
      rowCount: page.items.length,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return page;
  }),
});
