import { rejectedItemsEndpoint, acceptedItemsEndpoint, missingItemsEndpoint, anomalyItemsEndpoint, batchItemsEndpoint } from '@/server/endpoints/ingestion';
import { restRoute } from '@/server/endpoints/rest';

export const dynamic = 'force-dynamic';

/** Made from its endpoint definition (server/endpoints/ingestion.ts): query, scope, audit and exports are defined there. */
export const GET = restRoute(rejectedItemsEndpoint, acceptedItemsEndpoint, missingItemsEndpoint, anomalyItemsEndpoint, batchItemsEndpoint);
