import { requireCaller } from '@/server/http/caller';
import { ClientError } from '@/server/errors';
import { json, restHandler } from '@/server/http/respond';
import { REFERENCE_LISTS, type ReferenceList } from '@/server/reference/queries';

export const dynamic = 'force-dynamic';

export const GET = restHandler(async (req: Request, ctx: { params: Promise<{ list: string }> }) => {
  await requireCaller(req, 'read');
  const { list } = await ctx.params;
  // An own key only: `in` also finds what every object inherits (__proto__, constructor, toString).
  if (!Object.hasOwn(REFERENCE_LISTS, list)) {
    throw new ClientError(404, `未知的参考数据 (unknown reference list '${list}'): use one of ${Object.keys(REFERENCE_LISTS).join(', ')}`);
  }
  return json({ items: await REFERENCE_LISTS[list as ReferenceList]() });
});
