import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import {
  adminCreateToken,
  adminCreateUser,
  AdminInputError,
  adminRevokeToken,
  adminUpdateUser,
  newTokenInput,
  newUserInput,
  userChangeInput,
} from '../../auth/admin';
import { AUDIT_ACTIONS, listAudit } from '../../auth/audit';
import { listTokens } from '../../auth/tokens';
import { listUsers } from '../../auth/users';
import { queryDate } from '../../domain/dates';
import { listUsccExceptions, registerUsccException, usccExceptionInput } from '../../ingest/usccExceptions';
import { adminProcedure, createTRPCRouter } from '../init';

/** Admin input errors keep their message and status; everything else stays an internal error. */
async function asTrpc<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AdminInputError) {
      throw new TRPCError({ code: e.status === 404 ? 'NOT_FOUND' : e.status === 409 ? 'CONFLICT' : 'BAD_REQUEST', message: e.message });
    }
    throw e;
  }
}

export const adminRouter = createTRPCRouter({
  users: adminProcedure.query(() => listUsers()),
  createUser: adminProcedure.input(newUserInput).mutation(({ ctx, input }) => asTrpc(() => adminCreateUser(ctx.principal, input, 'admin'))),
  updateUser: adminProcedure.input(userChangeInput).mutation(({ ctx, input }) => asTrpc(() => adminUpdateUser(ctx.principal, input))),
  tokens: adminProcedure.query(() => listTokens()),
  createToken: adminProcedure.input(newTokenInput).mutation(({ ctx, input }) => asTrpc(() => adminCreateToken(ctx.principal, input))),
  revokeToken: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => asTrpc(() => adminRevokeToken(ctx.principal, input.id))),
  usccExceptions: adminProcedure.query(() => listUsccExceptions()),
  registerUsccException: adminProcedure.input(usccExceptionInput).mutation(({ ctx, input }) => registerUsccException(ctx.principal, input)),
  audit: adminProcedure
    .input(
      z.object({
        action: z.enum(AUDIT_ACTIONS).optional(),
        actor: z.string().max(200).optional(),
        from: queryDate.optional(),
        to: queryDate.optional(),
        page: z.number().int().min(0).default(0),
      }),
    )
    .query(({ input }) => listAudit({ ...input, limit: 100, offset: input.page * 100 })),
});
