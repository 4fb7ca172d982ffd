import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/trpc/router';

/**
 * What each procedure takes and answers, as the client sees it: the server's own types (type-only, nothing of the
 * server reaches the bundle), so a page never re-declares a row the server already defines.
 */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
export type RouterInputs = inferRouterInputs<AppRouter>;
