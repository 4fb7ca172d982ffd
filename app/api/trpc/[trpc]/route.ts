import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from '@/server/trpc/router';
import { createContext } from '@/server/trpc/init';
import { trpcGetTag } from '@/server/endpoints/trpcTags';
import { ifNoneMatch } from '@/server/endpoints/rest';
import { TRPC_MAX_BATCH } from '@/shared/trpcLimits';

export const dynamic = 'force-dynamic';

const handler = async (req: Request) => {
  const ctx = await createContext({ headers: req.headers, req });
  // GET answers of figures carry the ETag of their data versions; the browser revalidates and gets 304 while they hold.
  const tag = await trpcGetTag(req, appRouter._def.procedures, ctx);
  const headers = tag ? { etag: tag, 'cache-control': 'private, no-cache' } : null;
  if (tag && ifNoneMatch(req, tag)) return new Response(null, { status: 304, headers: headers ?? undefined });
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, maxBatchSize: TRPC_MAX_BATCH, createContext: () => ctx });
  if (headers && res.status === 200) for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
};

export { handler as GET, handler as POST };
