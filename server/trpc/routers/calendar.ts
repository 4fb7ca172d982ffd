import { calendarDaysEndpoint } from '../../endpoints/calendar';
import { procedureOf } from '../../endpoints/trpc';
import { createTRPCRouter } from '../init';

/** The working-day calendar (server/endpoints/calendar.ts); the admin's edits are in the admin router. */
export const calendarRouter = createTRPCRouter({
  days: procedureOf(calendarDaysEndpoint),
});
