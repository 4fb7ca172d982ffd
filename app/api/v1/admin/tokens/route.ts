import { adminCreateToken, AdminInputError, newTokenInput } from '@/server/auth/admin';
import { readJson, requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

/** Create an API token for a unit; the token is in this answer only. */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  const input = await readJson(req, newTokenInput);
  try {
    return json(await adminCreateToken(caller, input), { status: 201 });
  } catch (e) {
    if (e instanceof AdminInputError) throw new HttpError(e.status, e.message);
    throw e;
  }
});
