import { requireCaller } from '@/server/http/caller';
import { HttpError, json, restHandler } from '@/server/http/respond';
import { REFERENCE_LISTS, type ReferenceList } from '@/server/reference/queries';

export const dynamic = 'force-dynamic';

export const GET = restHandler(async (req: Request, ctx: { params: Promise<{ list: string }> }) => {
  await requireCaller(req, 'read');
  const { list } = await ctx.params;
  if (!(list in REFERENCE_LISTS)) {
    throw new HttpError(404, `Unknown reference list '${list}': use one of ${Object.keys(REFERENCE_LISTS).join(', ')}`);
  }
  return json({ items: await REFERENCE_LISTS[list as ReferenceList]() });
});
