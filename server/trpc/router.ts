import 'server-only';
import { createTRPCRouter } from './init';
import { adminRouter } from './routers/admin';
import { assessmentRouter } from './routers/assessment';
import { calendarRouter } from './routers/calendar';
import { ingestionRouter } from './routers/ingestion';
import { inspectionRouter } from './routers/inspection';
import { overviewRouter } from './routers/overview';
import { publicityRouter } from './routers/publicity';
import { referenceRouter } from './routers/reference';
import { sanctionsRouter } from './routers/sanctions';
import { screenRouter } from './routers/screen';
import { sessionRouter } from './routers/session';

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  assessment: assessmentRouter,
  calendar: calendarRouter,
  ingestion: ingestionRouter,
  inspection: inspectionRouter,
  overview: overviewRouter,
  publicity: publicityRouter,
  reference: referenceRouter,
  sanctions: sanctionsRouter,
  screen: screenRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;
