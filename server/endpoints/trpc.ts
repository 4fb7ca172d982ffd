import type { z } from 'zod';
import { displayProcedure, protectedProcedure } from '../trpc/init';
import { runEndpoint, type AnyEndpoint, type Endpoint } from './define';

/** The endpoint each procedure was made from, so a tRPC GET can carry the endpoint's ETag (server/endpoints/trpcTags.ts). */
export const endpointOfProcedure = new WeakMap<object, AnyEndpoint>();

/** The tRPC query of an endpoint: signed in, the endpoint's schema, audited by runEndpoint. */
export function procedureOf<Schema extends z.ZodType, Output, Row>(e: Endpoint<Schema, Output, Row>) {
  const procedure = (e.need === 'display' ? displayProcedure : protectedProcedure)
    .input(e.input)
    .query(({ ctx, input }) =>
      runEndpoint(e as Endpoint<Schema, Output, unknown>, input as z.output<Schema>, {
        principal: ctx.principal,
        scope: ctx.scope,
        requestId: ctx.requestId,
        ip: ctx.ip,
      }),
    );
  endpointOfProcedure.set(procedure, e as AnyEndpoint);
  return procedure;
}
