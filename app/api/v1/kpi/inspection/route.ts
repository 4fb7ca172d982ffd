import { followUpEndpoint } from '@/server/endpoints/inspection';
import { restRoute } from '@/server/endpoints/rest';

export const dynamic = 'force-dynamic';

/** Made from its endpoint definition (server/endpoints/inspection.ts): query, scope, audit and exports are defined there. */
export const GET = restRoute(followUpEndpoint);
