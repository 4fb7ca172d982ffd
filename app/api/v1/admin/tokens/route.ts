import { adminCreateToken, newTokenInput } from '@/server/auth/admin';
import { readJson, requireCaller } from '@/server/http/caller';
import { json, restHandler } from '@/server/http/respond';

export const dynamic = 'force-dynamic';

/** Create an API token for a unit; the token is in this answer only. */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  return json(await adminCreateToken(caller, await readJson(req, newTokenInput)), { status: 201 });
});
