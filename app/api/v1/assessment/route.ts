import { rankingEndpoint } from '@/server/endpoints/assessment';
import { restRoute } from '@/server/endpoints/rest';

export const dynamic = 'force-dynamic';

/** Made from its endpoint definition (server/endpoints/assessment.ts): query, scope, audit and exports are defined there. */
export const GET = restRoute(rankingEndpoint);
