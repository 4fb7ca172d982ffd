import * as ingestion from '../../endpoints/ingestion';
import { procedureOf } from '../../endpoints/trpc';
import { createTRPCRouter } from '../init';

/** 归集 (ingestion): figures and the items behind them, made from the endpoint definitions (server/endpoints/ingestion.ts). */
export const ingestionRouter = createTRPCRouter({
  kpi: procedureOf(ingestion.ingestionKpiEndpoint),
  volume: procedureOf(ingestion.ingestionVolumeEndpoint),
  heatmap: procedureOf(ingestion.ingestionHeatmapEndpoint),
  errorCodes: procedureOf(ingestion.ingestionErrorCodesEndpoint),
  submissions: procedureOf(ingestion.ingestionSubmissionsEndpoint),
  anomalies: procedureOf(ingestion.ingestionAnomaliesEndpoint),
  unitBaseline: procedureOf(ingestion.ingestionUnitBaselineEndpoint),
  rejectedItems: procedureOf(ingestion.rejectedItemsEndpoint),
  acceptedItems: procedureOf(ingestion.acceptedItemsEndpoint),
  missingItems: procedureOf(ingestion.missingItemsEndpoint),
  anomalyItems: procedureOf(ingestion.anomalyItemsEndpoint),
  batchItems: procedureOf(ingestion.batchItemsEndpoint),
});
