import { followUpEndpoint, noticeEndpoint, noticesEndpoint, problemsEndpoint } from '../../endpoints/inspection';
import { procedureOf } from '../../endpoints/trpc';
import { acknowledgeNotice, issueInput, issueNotice } from '../../inspection/notices';
import { createTRPCRouter, roleProcedure } from '../init';

/**
 * 督查 (inspection): the open-problem list, supervision notices and follow-up figures (server/endpoints/inspection.ts),
 * and the two acts on notices: inspectors and the office issue them; a unit's users acknowledge their own.
 */
export const inspectionRouter = createTRPCRouter({
  problems: procedureOf(problemsEndpoint),
  notices: procedureOf(noticesEndpoint),
  notice: procedureOf(noticeEndpoint),
  followUp: procedureOf(followUpEndpoint),

  issue: roleProcedure('admin', 'inspector')
    .input(issueInput)
    .mutation(({ ctx, input }) => issueNotice(ctx.principal, input, { ip: ctx.ip, requestId: ctx.requestId })),

  acknowledge: roleProcedure('unit')
    .input(noticeEndpoint.input)
    .mutation(({ ctx, input }) => acknowledgeNotice(ctx.principal, input.id, { ip: ctx.ip, requestId: ctx.requestId })),
});
