import { sanctionItemsEndpoint } from '@/server/endpoints/sanctions';
import { restRoute } from '@/server/endpoints/rest';

export const dynamic = 'force-dynamic';

/** Made from its endpoint definition (server/endpoints/sanctions.ts): query, scope, audit and exports are defined there. */
export const GET = restRoute(sanctionItemsEndpoint);
