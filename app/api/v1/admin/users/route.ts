import { adminCreateUser, AdminInputError, newUserInput } from '@/server/auth/admin';
import { readJson, requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

/** Provision a user from a directory (design.md §6). */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  const input = await readJson(req, newUserInput);
  try {
    return json(await adminCreateUser(caller, input, 'api'), { status: 201 });
  } catch (e) {
    if (e instanceof AdminInputError) throw new HttpError(e.status, e.message);
    throw e;
  }
});
