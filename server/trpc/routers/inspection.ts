import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { writeAudit } from '../../auth/audit';
import { acknowledgeNotice, getNotice, issueInput, issueNotice, listNotices, NoticeError, noticeListInput } from '../../inspection/notices';
import { followUpFigures, followUpInput, resolveFollowUpPeriod } from '../../inspection/followUp';
import { problemsInput, problemsPage } from '../../inspection/problems';
import { createTRPCRouter, protectedProcedure, roleProcedure } from '../init';

const CODES = { 400: 'BAD_REQUEST', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' } as const;

/** Client mistakes keep their message and status; anything else stays an internal error. */
async function clientErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NoticeError) throw new TRPCError({ code: CODES[error.status], message: error.message });
    if (error instanceof RangeError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

const noticeId = z.object({ id: z.string().regex(/^[0-9a-fA-F-]{36}$/, '通知单编号无效 (invalid notice id)') });

/**
 * 督查 (inspection): the open-problem list (items, scoped by ctx.scope in SQL, audited), supervision notices (issued by
 * inspectors and the office; a unit's users see and acknowledge their own; a district's users read those of its
 * units; leaders read all) and the follow-up figures (city-wide like every aggregate).
 */
export const inspectionRouter = createTRPCRouter({
  problems: protectedProcedure.input(problemsInput).query(async ({ ctx, input }) => {
    const page = await clientErrors(() => problemsPage(ctx.scope, input));
    await writeAudit({
      action: 'drill_down',
      actor: ctx.principal,
      target: `items/problems?kinds=${(input.kinds ?? []).join(',') || 'all'}`,
      filters: input,
      rowCount: page.items.length,
      ip: ctx.ip,
      requestId: ctx.requestId,
    });
    return page;
  }),

  notices: protectedProcedure.input(noticeListInput).query(({ ctx, input }) => clientErrors(() => listNotices(ctx.scope, input))),

  notice: protectedProcedure.input(noticeId).query(async ({ ctx, input }) => {
    const notice = await clientErrors(() => getNotice(ctx.scope, input.id));
    await writeAudit({
      action: 'drill_down',
      actor: ctx.principal,
      target: `notices/${notice.id}`,
      rowCount: notice.items.length,
      ip: ctx.ip,
      requestId: ctx.requestId,
      detail: notice.number,
    });
    return notice;
  }),

  issue: roleProcedure('admin', 'inspector')
    .input(issueInput)
    .mutation(({ ctx, input }) => clientErrors(() => issueNotice(ctx.principal, input, { ip: ctx.ip, requestId: ctx.requestId }))),

  acknowledge: roleProcedure('unit')
    .input(noticeId)
    .mutation(({ ctx, input }) => clientErrors(() => acknowledgeNotice(ctx.principal, input.id, { ip: ctx.ip, requestId: ctx.requestId }))),

  followUp: protectedProcedure.input(followUpInput).query(({ input }) => followUpFigures(resolveFollowUpPeriod(input))),
});
