import { z } from 'zod';
import { adminRevokeToken } from '@/server/auth/admin';
import { ClientError } from '@/server/errors';
import { requireCaller } from '@/server/http/caller';
import { json, restHandler } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

export const DELETE = restHandler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const caller = await requireCaller(req, 'admin');
  const { id } = await ctx.params;
  if (!z.uuid().safeParse(id).success) throw new ClientError(400, `'${id}' is not a token id (a UUID)`);
  await adminRevokeToken(caller, id);
  return json({ id, revoked: true });
});
