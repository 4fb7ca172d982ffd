import { adminCreateUser, newUserInput } from '@/server/auth/admin';
import { readJson, requireCaller } from '@/server/http/caller';
import { json, restHandler } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

/** Provision a user from a directory (design.md §6). */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  return json(await adminCreateUser(caller, await readJson(req, newUserInput), 'api'), { status: 201 });
});
