import { initTRPC } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { randomUUID } from 'node:crypto';

export type Context = { requestId: string; headers: Headers };

export function createContext(opts: { headers: Headers }): Context {
  return { requestId: opts.headers.get('x-request-id') ?? randomUUID(), headers: opts.headers };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    // Client errors keep their message (what to fix); server errors never show SQL or stack traces.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    if (internal) console.error(`[trpc ${ctx?.requestId}]`, error.cause ?? error);
    return {
      ...shape,
      message: internal ? `内部错误 (internal error), request id ${ctx?.requestId ?? '-'}` : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        requestId: ctx?.requestId,
        zodIssues: error.cause instanceof ZodError ? error.cause.issues : undefined,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
