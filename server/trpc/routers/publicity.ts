import { procedureOf } from '../../endpoints/trpc';
import { publicityDelayHistogramEndpoint, publicityItemsEndpoint, publicityKpiEndpoint } from '../../endpoints/publicity';
import { createTRPCRouter } from '../init';

/** 双公示 (double publicity): made from the endpoint definitions (server/endpoints/publicity.ts). */
export const publicityRouter = createTRPCRouter({
  kpi: procedureOf(publicityKpiEndpoint),
  delayHistogram: procedureOf(publicityDelayHistogramEndpoint),
  items: procedureOf(publicityItemsEndpoint),
});
