import { TupleParam } from '@clickhouse/client';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { shanghaiTimestamp, today } from '../clock';
import { bumpDataEpoch, ingestChange } from '../db/dataEpoch';
import { encodeRows } from '../db/encodeRows';
import { insertEncoded, insertRows, queryRows, runCommand } from '../db/query';
import { subjectHashKey } from '../privacyKey';
import { BodyError, bodyBytes, decodeChunks } from './body';
import { ERRORS_IN_ANSWER } from './limits';
import type { BodyFormat } from './parse';
import { referenceSets } from './referenceSets';
import { rowKeyOf } from './rowKey';
import { STREAM_KEYS, type Stream } from './streams';
import type { RowError, ValidationContext } from './validate';
import { rejectedRow, type ValidatedChunk, type ValidationSummary } from './validateBody';
import { validateRequestBody } from './validateInWorker';

export type IngestAnswer = { batchId: string; accepted: number; rejected: number; errors: RowError[] };

export type IngestRequest = {
  stream: Stream;
  format: BodyFormat;
  body: ReadableStream<Uint8Array> | null;
  unitCode: string;
  districtCode: string;
  tokenId: string;
  allowReceivedAt: boolean;
  idempotencyKey: string;
  contentType: string;
};

/** A request-level refusal (status + message), distinct from row errors. */
export class IngestRefused extends Error {
  constructor(
    readonly status: 400 | 409 | 413,
    message: string,
  ) {
    super(message);
  }
}

const storedBatch = z.object({ response: z.string(), requestHash: z.string(), stream: z.string() });

async function replay(unitCode: string, key: string) {
  const rows = await queryRows(
    `-- idempotent replay lookup
     SELECT response, request_hash AS requestHash, stream FROM ingest_batches FINAL
     WHERE unit_code = {unit:String} AND idempotency_key = {key:String} AND status = 'stored'
     ORDER BY finished_at LIMIT 1`,
    { unit: unitCode, key },
    storedBatch,
  );
  return rows[0] ?? null;
}

/** Feedback may only answer pushes addressed to the sending unit: which of these keys (case\x01measure) are its pushes. */
async function addressedPushes(unitCode: string, keys: readonly string[]): Promise<Set<string>> {
  const distinct = [...new Set(keys)].map((k) => new TupleParam(k.split('\u0001')));
  if (distinct.length === 0) return new Set();
  const found = await queryRows(
    `-- pushes addressed to a unit
     SELECT DISTINCT case_id, measure_code FROM sanctions
     WHERE responding_unit = {unit:String} AND (case_id, measure_code) IN {keys:Array(Tuple(String, String))}`,
    { unit: unitCode, keys: distinct },
    z.object({ case_id: z.string(), measure_code: z.string() }),
  );
  return new Set(found.map((f) => `${f.case_id}\u0001${f.measure_code}`));
}

const streamColumns = new Map<Stream, Promise<string[]>>();

/** The stream table's columns but first_received_at (the schema only changes with migrations, before serving). */
function columnsOf(stream: Stream): Promise<string[]> {
  let columns = streamColumns.get(stream);
  if (!columns) {
    columns = queryRows(
      `SELECT name FROM system.columns WHERE database = currentDatabase() AND table = {table:String} ORDER BY position`,
      { table: stream },
      z.object({ name: z.string() }),
    ).then((rows) => rows.map((c) => c.name).filter((c) => c !== 'first_received_at'));
    columns.catch(() => streamColumns.delete(stream));
    streamColumns.set(stream, columns);
  }
  return columns;
}

/**
 * Move a staged batch into its stream table, keeping each key's earliest receipt: the earliest of what is stored for
 * the key and what the batch brings. Stored keys are found by a hash of the key within the keys' leading scope (the
 * sender's district and unit, or the distinct scopes of the batch for sanctions, keyed by the responding unit), then
 * joined exactly. Only a backfill can bring several receipt times for one key; a live batch has one.
 */
async function commitStaged(stream: Stream, batchId: string, opts: { districtCode: string; unitCode: string; backfill: boolean }): Promise<void> {
  const columns = await columnsOf(stream);
  const keyColumns = STREAM_KEYS[stream];
  const keys = keyColumns.join(', ');
  const staged = `staging_${stream} WHERE batch_id = {batch:UUID}`;
  const [scopeA, scopeB] = keyColumns as [string, string];
  const scope =
    scopeA === 'district_code' && scopeB === 'unit_code'
      ? 'district_code = {district:String} AND unit_code = {unit:String}'
      : `(${scopeA}, ${scopeB}) IN (SELECT DISTINCT ${scopeA}, ${scopeB} FROM ${staged})`;
  const batchFirst = opts.backfill ? `min(received_at) OVER (PARTITION BY ${keys})` : 'received_at';
  // Identifiers come from the schema and the fixed key table; values are bound.
  await runCommand(
    `-- commit staged batch
     INSERT INTO ${stream} (${columns.join(', ')}, first_received_at)
     SELECT ${columns.map((c) => `s.${c}`).join(', ')},
            if(isNull(e.first) OR e.first > s.batch_first, s.batch_first, assumeNotNull(e.first))
     FROM (SELECT *, ${batchFirst} AS batch_first FROM ${staged}) AS s
     LEFT JOIN (SELECT ${keys}, min(first_received_at) AS first FROM ${stream}
                WHERE ${scope} AND cityHash64(${keys}) IN (SELECT cityHash64(${keys}) FROM ${staged})
                GROUP BY ${keys}) AS e USING (${keys})
     SETTINGS join_use_nulls = 1`,
    { batch: batchId, district: opts.districtCode, unit: opts.unitCode },
  );
}

// One request per (unit, Idempotency-Key) at a time in this process, so a quick retry waits for the first answer.
const inFlight = new Map<string, Promise<unknown>>();

export async function ingestBatch(req: IngestRequest): Promise<IngestAnswer & { replayed: boolean }> {
  const lockKey = req.idempotencyKey ? `${req.unitCode}\u0001${req.idempotencyKey}` : '';
  if (lockKey) {
    while (inFlight.has(lockKey)) await inFlight.get(lockKey)!.catch(() => undefined);
  }
  const run = (async () => {
    if (req.idempotencyKey) {
      const previous = await replay(req.unitCode, req.idempotencyKey);
      if (previous) {
        // Drain the body to compare it with the first request's.
        const hash = createHash('sha256');
        for await (const chunk of decodeChunks(bodyBytes(req.body), { onBytes: (b) => hash.update(b) })) void chunk;
        if (previous.stream !== req.stream || previous.requestHash !== hash.digest('hex')) {
          throw new IngestRefused(409, 'This Idempotency-Key was already used for a different request: use a new key for new data');
        }
        return { ...(JSON.parse(previous.response) as IngestAnswer), replayed: true };
      }
    }
    return { ...(await runBatch(req)), replayed: false };
  })();
  if (lockKey) inFlight.set(lockKey, run);
  try {
    return await run;
  } finally {
    if (lockKey) inFlight.delete(lockKey);
  }
}

async function runBatch(req: IngestRequest): Promise<IngestAnswer> {
  const sets = await referenceSets();
  const batchId = randomUUID();
  const receivedAt = shanghaiTimestamp();
  const ctx: ValidationContext = {
    ...sets,
    stream: req.stream,
    unitCode: req.unitCode,
    districtCode: req.districtCode,
    batchId,
    receivedAt,
    today: today(),
    allowReceivedAt: req.allowReceivedAt,
    hashKey: subjectHashKey(),
  };
  let notAddressed = 0;
  const notAddressedErrors: RowError[] = [];

  /** Feedback answers only pushes addressed to the sender: the others become rejected rows of the same chunk. */
  const keepAddressed = async (chunk: ValidatedChunk): Promise<ValidatedChunk> => {
    const keys = chunk.feedbackKeys ?? [];
    const addressed = await addressedPushes(req.unitCode, keys);
    if (keys.every((k) => addressed.has(k))) return chunk;
    const lines = chunk.accepted.body.toString('utf8').split('\n');
    const kept: string[] = [];
    const rejected: Array<Record<string, unknown>> = [];
    keys.forEach((k, i) => {
      if (addressed.has(k)) {
        kept.push(lines[i]!);
        return;
      }
      const values = JSON.parse(lines[i]!) as unknown[];
      const row = Object.fromEntries(chunk.accepted.columns.map((c, j) => [c, values[j]]));
      const rowNo = Number(row.row_no);
      const message = `案件 ${String(row.case_id)} 的措施 ${String(row.measure_code)} 未推送给本单位 ${req.unitCode}，不能反馈`;
      const error: RowError = { row: rowNo, field: 'caseId', code: 'NOT_ADDRESSED', message };
      notAddressed++;
      if (notAddressedErrors.length < ERRORS_IN_ANSWER) notAddressedErrors.push(error);
      const raw = JSON.stringify({ caseId: row.case_id, measureCode: row.measure_code, result: row.result, note: row.note });
      rejected.push(rejectedRow(ctx, rowNo, raw, [error], rowKeyOf('feedback', { caseId: row.case_id, measureCode: row.measure_code })));
    });
    const extra = encodeRows('staging_rejected', rejected);
    return {
      feedbackKeys: null,
      accepted: { columns: chunk.accepted.columns, count: kept.length, body: Buffer.from(kept.length ? `${kept.join('\n')}\n` : '') },
      rejected: {
        columns: extra.columns,
        count: chunk.rejected.count + extra.count,
        body: Buffer.concat([chunk.rejected.body, extra.body]),
      },
    };
  };

  // Staging inserts run in chDB's own threads: validate the next chunk while the previous one is written.
  let writing: Promise<void> = Promise.resolve();
  const write = async (validated: ValidatedChunk) => {
    const chunk = req.stream === 'feedback' && validated.accepted.count > 0 ? await keepAddressed(validated) : validated;
    await insertEncoded(`staging_${req.stream}`, chunk.accepted);
    await insertEncoded('staging_rejected', chunk.rejected);
  };

  let summary: ValidationSummary;
  try {
    const chunks = validateRequestBody(req.body, { format: req.format, ctx });
    for (;;) {
      const next = await chunks.next();
      if (next.done) {
        summary = next.value;
        break;
      }
      await writing;
      writing = write(next.value);
      // A failed write surfaces at the next chunk or at the end, never as an unhandled rejection.
      writing.catch(() => undefined);
    }
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    // Staged rows of a refused body are never committed (they expire with the staging TTL).
    if (error instanceof BodyError) throw new IngestRefused(error.status, error.message);
    throw error;
  }
  if (summary.total === 0) throw new IngestRefused(400, 'The body holds no rows');

  await commitStaged(req.stream, batchId, { districtCode: req.districtCode, unitCode: req.unitCode, backfill: req.allowReceivedAt });
  bumpDataEpoch(ingestChange(req.stream, req.allowReceivedAt));
  await runCommand(
    `-- commit staged rejected rows
     INSERT INTO rejected_rows SELECT * EXCEPT staged_at FROM staging_rejected WHERE batch_id = {batch:UUID}`,
    { batch: batchId },
  );
  const errors = [...summary.firstErrors, ...notAddressedErrors].sort((a, b) => a.row - b.row).slice(0, ERRORS_IN_ANSWER);
  const answer: IngestAnswer = { batchId, accepted: summary.accepted - notAddressed, rejected: summary.rejected + notAddressed, errors };
  await insertRows('ingest_batches', [
    {
      batch_id: batchId,
      stream: req.stream,
      unit_code: req.unitCode,
      district_code: req.districtCode,
      token_id: req.tokenId,
      idempotency_key: req.idempotencyKey,
      content_type: req.contentType,
      received_at: receivedAt,
      rows_total: summary.total,
      accepted: answer.accepted,
      rejected: answer.rejected,
      status: 'stored',
      response: JSON.stringify(answer),
      finished_at: shanghaiTimestamp(),
      request_hash: summary.requestHash,
    },
  ]);
  return answer;
}
