import type { z } from 'zod';
import { protectedProcedure } from '../trpc/init';
import { runEndpoint, type Endpoint } from './define';

/** The tRPC query of an endpoint: signed in, the endpoint's schema, audited by runEndpoint. */
export function procedureOf<Schema extends z.ZodType, Output, Row>(e: Endpoint<Schema, Output, Row>) {
  return protectedProcedure
    .input(e.input)
    .query(({ ctx, input }) =>
      runEndpoint(e as Endpoint<Schema, Output, unknown>, input as z.output<Schema>, {
        principal: ctx.principal,
        scope: ctx.scope,
        requestId: ctx.requestId,
        ip: ctx.ip,
      }),
    );
}
