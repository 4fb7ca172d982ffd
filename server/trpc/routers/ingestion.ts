import { writeAudit } from '../../auth/audit';
import { rejectedItems, rejectedItemsInput } from '../../metrics/ingestion/rejectedItems';
import { createTRPCRouter, protectedProcedure } from '../init';

export const ingestionRouter = createTRPCRouter({
  /** The quarantine, scoped in SQL by ctx.scope; every drill-down is audited. */
  rejectedItems: protectedProcedure.input(rejectedItemsInput).query(async ({ ctx, input }) => {
    const page = await rejectedItems(ctx.scope, input);
    await writeAudit({
      action: 'drill_down',
      actor: ctx.principal,
      target: 'items/ingestion?status=rejected',
      filters: input,
      rowCount: page.items.length,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return page;
  }),
});
