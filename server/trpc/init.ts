import 'server-only';
import { initTRPC, TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { randomUUID } from 'node:crypto';
import superjson from 'superjson';
import { ZodError } from 'zod';
import { principalFromRequest } from '../auth/principal';
import { asClientError } from '../errors';
import { itemScopeOf, type Principal, type Role } from '../auth/roles';
import { tokenScopeDenial } from '../auth/scopes';
import { clientIp } from '../http/proxyTrust';
import { changesState, isSameOrigin } from '../http/sameOrigin';
import { TRPC_MAX_BATCH } from '../../shared/trpcLimits';

/** crossSite: a state-changing HTTP request whose Origin is not this site (in-process callers are never cross-site). */
export type Context = { requestId: string; ip: string; principal: Principal | null; crossSite?: boolean };

/** From an HTTP request (/api/trpc), or from a server component's request headers (nothing to change there). */
export async function createContext(opts: { headers: Headers; req?: Request }): Promise<Context> {
  const { principal } = await principalFromRequest(opts.headers);
  return {
    requestId: opts.headers.get('x-request-id') ?? randomUUID(),
    ip: clientIp(opts.headers),
    principal,
    crossSite: opts.req ? changesState(opts.req) && !isSameOrigin(opts.req) : false,
  };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    // Client errors keep their message (what to fix); server errors never show SQL or stack traces.
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    if (internal) console.error(`[trpc ${ctx?.requestId}]`, error.cause ?? error);
    // tRPC's own words for the batch cap (limits.ts) do not say what the limit is.
    const message = internal
      ? `内部错误 (internal error), request id ${ctx?.requestId ?? '-'}`
      : shape.message === 'Batch call exceeds maximum size'
        ? `一次请求最多 ${TRPC_MAX_BATCH} 个调用 (a batch may hold at most ${TRPC_MAX_BATCH} procedures: split it)`
        : shape.message;
    return {
      ...shape,
      message,
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
export const createCallerFactory = t.createCallerFactory;
/**
 * Every procedure, public or not, passes the token scope rule REST applies (server/auth/scopes.ts): a token reads only
 * with the 'read' (or 'admin') scope, and changes anything only with 'admin'; the UI's other changes (issuing,
 * acknowledging) are acts of a signed-in person. Without this an ingest-only token would act as its unit's user here.
 */
const TRPC_CODES: Record<number, TRPC_ERROR_CODE_KEY> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** The one place a client error (server/errors.ts) thrown by any procedure becomes its tRPC code and message. */
const clientErrorsProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'INTERNAL_SERVER_ERROR') {
    const client = asClientError(result.error.cause);
    if (client) throw new TRPCError({ code: TRPC_CODES[client.httpCode] ?? 'BAD_REQUEST', message: client.message, cause: client });
  }
  return result;
});

/** The scope rule for a procedure whose queries need `queryNeed` (changes always need 'admin'). */
const scopedBy = (queryNeed: 'read' | 'display') =>
  clientErrorsProcedure.use(async ({ ctx, type, path, next }) => {
    if (ctx.principal) {
      const denial = await tokenScopeDenial(ctx.principal, type === 'query' ? queryNeed : 'admin', `trpc/${path}`, ctx.ip);
      if (denial) throw new TRPCError({ code: 'FORBIDDEN', message: denial });
      // The same cross-site rule as REST (server/http/caller.ts): a session cookie changes nothing from another site.
      if (type === 'mutation' && ctx.principal.kind === 'user' && ctx.crossSite) {
        throw new TRPCError({ code: 'FORBIDDEN', message: '跨站请求被拒绝 (cross-site request refused: change data only from this site\'s own pages)' });
      }
    }
    return next();
  });

const signedIn = (procedure: ReturnType<typeof scopedBy>) =>
  procedure.use(({ ctx, next }) => {
    if (!ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: '请先登录 (sign in first)' });
    return next({ ctx: { ...ctx, principal: ctx.principal, scope: itemScopeOf(ctx.principal) } });
  });

/** Signed in (session or token): ctx gains the principal and its item scope, which every items query applies in SQL. */
export const protectedProcedure = signedIn(scopedBy('read'));

/** The big screen's figures: as protectedProcedure, and open to a display token too (issue 17). */
export const displayProcedure = signedIn(scopedBy('display'));

export const roleProcedure = (...roles: Role[]) =>
  protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.principal.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: '当前角色无权执行此操作 (your role may not do this)' });
    }
    return next();
  });

export const adminProcedure = roleProcedure('admin');
