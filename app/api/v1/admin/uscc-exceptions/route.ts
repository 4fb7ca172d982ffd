import { readJson, requireCaller } from '@/server/http/caller';
import { json, restHandler } from '@/server/http/respond';
import { listUsccExceptions, registerUsccException, usccExceptionInput } from '@/server/ingest/usccExceptions';

export const dynamic = 'force-dynamic';

/** Register a unified social credit code that fails the check character but was genuinely issued. */
export const POST = restHandler(async (req: Request) => {
  const caller = await requireCaller(req, 'admin');
  return json(await registerUsccException(caller, await readJson(req, usccExceptionInput)), { status: 201 });
});

export const GET = restHandler(async (req: Request) => {
  await requireCaller(req, 'admin');
  return json({ items: await listUsccExceptions() });
});
