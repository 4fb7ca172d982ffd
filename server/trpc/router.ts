import { createTRPCRouter } from './init';
import { overviewRouter } from './routers/overview';
import { referenceRouter } from './routers/reference';

export const appRouter = createTRPCRouter({
  overview: overviewRouter,
  reference: referenceRouter,
});

export type AppRouter = typeof appRouter;
