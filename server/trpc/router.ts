import { createTRPCRouter } from './init';
import { adminRouter } from './routers/admin';
import { ingestionRouter } from './routers/ingestion';
import { overviewRouter } from './routers/overview';
import { referenceRouter } from './routers/reference';
import { sessionRouter } from './routers/session';

export const appRouter = createTRPCRouter({
  admin: adminRouter,
  ingestion: ingestionRouter,
  overview: overviewRouter,
  reference: referenceRouter,
  session: sessionRouter,
});

export type AppRouter = typeof appRouter;
