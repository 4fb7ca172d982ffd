import { z } from 'zod';
import { adminRevokeToken, AdminInputError } from '@/server/auth/admin';
import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

export const DELETE = restHandler(async (req: Request, ctx: { params: Promise<{ id: string }> }) => {
  const caller = await requireCaller(req, 'admin');
  const { id } = await ctx.params;
  if (!z.uuid().safeParse(id).success) throw new HttpError(400, `'${id}' is not a token id (a UUID)`);
  try {
    await adminRevokeToken(caller, id);
  } catch (e) {
    if (e instanceof AdminInputError) throw new HttpError(e.status, e.message);
    throw e;
  }
  return json({ id, revoked: true });
});
