import { z } from 'zod';
import {
  adminCreateToken,
  adminCreateUser,
  adminRevokeToken,
  adminUpdateUser,
  newTokenInput,
  newUserInput,
  userChangeInput,
} from '../../auth/admin';
import { AUDIT_ACTIONS, listAudit } from '../../auth/audit';
import { listTokens } from '../../auth/tokens';
import { calendarYear, calendarYearInput, importNotice, noticeInput, toggleCalendarDay, toggleDayInput } from '../../calendar/admin';
import { calendarOutlook } from '../../calendar/outlook';
import { listUsers } from '../../auth/users';
import { queryDate } from '../../domain/dates';
import { listUsccExceptions, registerUsccException, usccExceptionInput } from '../../ingest/usccExceptions';
import { AdminInputError } from '../../auth/admin';
import { uploadDistrictMap } from '../../screen/uploadDistrictMap';
import { adminProcedure, createTRPCRouter } from '../init';

export const adminRouter = createTRPCRouter({
  users: adminProcedure.query(() => listUsers()),
  createUser: adminProcedure.input(newUserInput).mutation(({ ctx, input }) => (adminCreateUser(ctx.principal, input, 'admin'))),
  updateUser: adminProcedure.input(userChangeInput).mutation(({ ctx, input }) => (adminUpdateUser(ctx.principal, input))),
  tokens: adminProcedure.query(() => listTokens()),
  createToken: adminProcedure.input(newTokenInput).mutation(({ ctx, input }) => (adminCreateToken(ctx.principal, input))),
  revokeToken: adminProcedure
    .input(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) => (adminRevokeToken(ctx.principal, input.id))),
  /** The big screen's district map (issue 17): the GeoJSON text, checked against the districts. */
  uploadDistrictMap: adminProcedure.input(z.object({ geojson: z.string().min(1).max(20_000_000) })).mutation(({ ctx, input }) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(input.geojson);
    } catch {
      throw new AdminInputError('文件不是 JSON (the file is not JSON: upload a GeoJSON FeatureCollection)');
    }
    return uploadDistrictMap(ctx.principal, parsed);
  }),
  usccExceptions: adminProcedure.query(() => listUsccExceptions()),
  registerUsccException: adminProcedure.input(usccExceptionInput).mutation(({ ctx, input }) => registerUsccException(ctx.principal, input)),
  calendarYear: adminProcedure.input(calendarYearInput).query(({ input }) => calendarYear(input.year)),
  calendarToggle: adminProcedure
    .input(toggleDayInput)
    .mutation(({ ctx, input }) => toggleCalendarDay(ctx.principal, input, { requestId: ctx.requestId, ip: ctx.ip })),
  calendarNotice: adminProcedure
    .input(noticeInput)
    .mutation(({ ctx, input }) => importNotice(ctx.principal, input, { requestId: ctx.requestId, ip: ctx.ip })),
  calendarOutlook: adminProcedure.query(() => calendarOutlook()),
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
