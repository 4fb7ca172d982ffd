import { publicityKpiEndpoint } from '@/server/endpoints/publicity';
import { restRoute } from '@/server/endpoints/rest';

export const dynamic = 'force-dynamic';

/** Made from its endpoint definition (server/endpoints/publicity.ts): query, scope, audit and exports are defined there. */
export const GET = restRoute(publicityKpiEndpoint);
