import { screenFiguresEndpoint } from '@/server/endpoints/screen';
import { restRoute } from '@/server/endpoints/rest';

export const dynamic = 'force-dynamic';

/** Made from its endpoint definition (server/endpoints/screen.ts). */
export const GET = restRoute(screenFiguresEndpoint);
