import { z } from 'zod';
import { queryRows } from '@/server/db/query';
import { requireCaller } from '@/server/http/caller';
import { ClientError } from '@/server/errors';
import { json, restHandler } from '@/server/http/respond';
import { ingestBatch, IngestRefused } from '@/server/ingest/ingestBatch';
import { MAX_BODY_BYTES } from '@/server/ingest/limits';
import { formatOf } from '@/server/ingest/parse';
import { isStream, STREAMS } from '@/server/ingest/streams';

export const dynamic = 'force-dynamic';
export const maxDuration = 300;

async function districtOf(unitCode: string): Promise<string | null> {
  const rows = await queryRows('SELECT district_code AS d FROM units FINAL WHERE code = {code:String}', { code: unitCode }, z.object({ d: z.string() }));
  return rows[0]?.d ?? null;
}

/**
 * POST /api/v1/ingest/{stream}: a batch of rows as a JSON array, NDJSON or CSV (design.md §4). The unit is the
 * caller's (token or unit user); an admin user names it with ?unit=. The answer comes once rows are stored.
 */
export const POST = restHandler(async (req: Request, ctx: { params: Promise<{ stream: string }> }) => {
  const { stream } = await ctx.params;
  if (!isStream(stream)) throw new ClientError(404, `Unknown stream '${stream}': use one of ${STREAMS.join(', ')}`);
  const caller = await requireCaller(req, 'ingest');
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new ClientError(413, `The body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB: split it into several batches`);
  const contentType = req.headers.get('content-type') ?? '';
  const format = formatOf(contentType);
  if (!format) {
    throw new ClientError(400, `Content-Type '${contentType || 'none'}' is not accepted: send application/json (an array), application/x-ndjson or text/csv (UTF-8)`);
  }

  let unitCode = caller.unitCode;
  if (caller.kind === 'user' && caller.role === 'admin') {
    unitCode = new URL(req.url).searchParams.get('unit') ?? '';
    if (!unitCode) throw new ClientError(400, 'An admin submitting data must name the unit: add ?unit=<unit code>');
  }
  const districtCode = unitCode ? await districtOf(unitCode) : null;
  if (!unitCode || districtCode === null) throw new ClientError(400, `Unknown unit '${unitCode}'`);

  const idempotencyKey = (req.headers.get('idempotency-key') ?? '').trim();
  if (idempotencyKey.length > 200) throw new ClientError(400, 'Idempotency-Key is longer than 200 characters');
  try {
    const answer = await ingestBatch({
      stream,
      format,
      body: req.body,
      unitCode,
      districtCode,
      tokenId: caller.kind === 'token' ? caller.id : `user:${caller.id}`,
      allowReceivedAt: caller.tokenScopes.includes('backfill'),
      idempotencyKey,
      contentType,
    });
    const { replayed, ...body } = answer;
    return json(body, { headers: replayed ? { 'idempotent-replayed': 'true' } : {} });
  } catch (error) {
    if (error instanceof IngestRefused) {
      const retry = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : undefined;
      throw new ClientError(error.status, error.message, undefined, retry);
    }
    throw error;
  }
});
