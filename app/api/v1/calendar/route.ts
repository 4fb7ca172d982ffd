import { calendarDaysEndpoint } from '@/server/endpoints/calendar';
import { restRoute } from '@/server/endpoints/rest';

export const dynamic = 'force-dynamic';

/** Made from its endpoint definition (server/endpoints/calendar.ts). */
export const GET = restRoute(calendarDaysEndpoint);
