import { z } from 'zod';
import { itemScopeOf } from '@/server/auth/roles';
import { requireCaller } from '@/server/http/caller';
import { ClientError } from '@/server/errors';
import { json, restHandler } from '@/server/http/respond';
import { batchDetail } from '@/server/ingest/batchDetail';

export const dynamic = 'force-dynamic';

/** GET /api/v1/ingest/batches/{batchId}: counts and every row error of a batch within the caller's scope. */
export const GET = restHandler(async (req: Request, ctx: { params: Promise<{ batchId: string }> }) => {
  const caller = await requireCaller(req, 'batch');
  const { batchId } = await ctx.params;
  if (!z.uuid().safeParse(batchId).success) throw new ClientError(400, `'${batchId}' is not a batch id (a UUID)`);
  const detail = await batchDetail(itemScopeOf(caller), batchId);
  if (!detail) throw new ClientError(404, `No batch ${batchId} within your scope`);
  return json(detail);
});
