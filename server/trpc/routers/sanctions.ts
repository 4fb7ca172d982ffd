import { procedureOf } from '../../endpoints/trpc';
import { sanctionFunnelEndpoint, sanctionItemsEndpoint, sanctionKpiEndpoint } from '../../endpoints/sanctions';
import { createTRPCRouter } from '../init';

/** 联合奖惩: made from the endpoint definitions (server/endpoints/sanctions.ts). */
export const sanctionsRouter = createTRPCRouter({
  kpi: procedureOf(sanctionKpiEndpoint),
  funnel: procedureOf(sanctionFunnelEndpoint),
  items: procedureOf(sanctionItemsEndpoint),
});
