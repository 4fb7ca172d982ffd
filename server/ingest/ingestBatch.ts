import { TupleParam } from '@clickhouse/client';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { now, shanghaiTimestamp, today } from '../clock';
import { commitKinds, recordDataChange } from '../db/dataVersions';
import { encodeRows } from '../db/encodeRows';
import { insertEncoded, insertRows, queryOne, queryRows, runCommand } from '../db/query';
import { env } from '../env';
import { subjectHashKey } from '../privacyKey';
import { BodyError, bodyBytes, decodeChunks } from './body';
import { afterCommit } from './afterCommit';
import { crashPoint } from './crashPoints';
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
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

const previousRecord = z.object({
  batchId: z.string(),
  stream: z.string(),
  districtCode: z.string(),
  status: z.enum(['stored', 'committing']),
  response: z.string(),
  requestHash: z.string(),
  backfill: z.number(),
  accepted: z.number(),
  finishedAt: z.string(),
});
type PreviousBatch = z.output<typeof previousRecord>;

/** The unit's batch under this Idempotency-Key: stored, or interrupted while committing (then it is finished first). */
async function previousBatch(unitCode: string, key: string): Promise<PreviousBatch | null> {
  const rows = await queryRows(
    `-- idempotent replay lookup
     SELECT toString(batch_id) AS batchId, stream, district_code AS districtCode, status, response,
            request_hash AS requestHash, backfill, accepted, toString(finished_at) AS finishedAt
     FROM ingest_batches FINAL
     WHERE unit_code = {unit:String} AND idempotency_key = {key:String} AND status IN ('stored', 'committing')
     ORDER BY status = 'stored' DESC, finished_at DESC LIMIT 1`,
    { unit: unitCode, key },
    previousRecord,
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

/** The stream table's columns but those computed at commit (the schema only changes with migrations, before serving). */
function columnsOf(stream: Stream): Promise<string[]> {
  let columns = streamColumns.get(stream);
  if (!columns) {
    columns = queryRows(
      `SELECT name FROM system.columns WHERE database = currentDatabase() AND table = {table:String} ORDER BY position`,
      { table: stream },
      z.object({ name: z.string() }),
    ).then((rows) => rows.map((c) => c.name).filter((c) => c !== 'first_received_at' && c !== 'is_first'));
    columns.catch(() => streamColumns.delete(stream));
    streamColumns.set(stream, columns);
  }
  return columns;
}

type CommitTarget = { stream: Stream; batchId: string; districtCode: string; unitCode: string; backfill: boolean };

/**
 * Move a staged batch into its stream table, keeping each key's earliest receipt: the earliest of what is stored for
 * the key and what the batch brings. Stored keys are found by a hash of the key within the keys' leading scope (the
 * sender's district and unit, or the distinct scopes of the batch for sanctions, keyed by the responding unit), then
 * joined exactly. Only a backfill can bring several receipt times for one key; a live batch has one.
 *
 * is_first marks the one row that makes a key new (the rollups count keys by it): a key not stored before, and of the
 * batch's rows of that key the earliest receipt, then the first row. So copies of a key in one batch, and a backfill
 * resent with the same receipt times, count once (issue 13.5). Rows go in row order, so of copies with one receipt
 * time the last one is the version kept. On `resume` (a retry after a crash), rows of the batch already in the
 * table are left out: every block of an INSERT is atomic, so the table ends with each staged row exactly once.
 */
async function commitStaged(t: CommitTarget, opts: { resume: boolean }): Promise<void> {
  const { stream } = t;
  const columns = await columnsOf(stream);
  const keyColumns = STREAM_KEYS[stream];
  const keys = keyColumns.join(', ');
  const staged = `staging_${stream} WHERE batch_id = {batch:UUID}`;
  const [scopeA, scopeB] = keyColumns as [string, string];
  const scope =
    scopeA === 'district_code' && scopeB === 'unit_code'
      ? 'district_code = {district:String} AND unit_code = {unit:String}'
      : `(${scopeA}, ${scopeB}) IN (SELECT DISTINCT ${scopeA}, ${scopeB} FROM ${staged})`;
  const batchFirst = t.backfill ? `min(received_at) OVER (PARTITION BY ${keys})` : 'received_at';
  const notYetCommitted = opts.resume ? `WHERE s.row_no NOT IN (SELECT row_no FROM ${stream} WHERE ${scope} AND batch_id = {batch:UUID})` : '';
  // Identifiers come from the schema and the fixed key table; values are bound.
  await runCommand(
    `-- commit staged batch
     INSERT INTO ${stream} (${columns.join(', ')}, first_received_at, is_first)
     SELECT ${columns.map((c) => `s.${c}`).join(', ')},
            if(isNull(e.first) OR e.first > s.batch_first, s.batch_first, assumeNotNull(e.first)),
            isNull(e.first) AND s.batch_rank = 1
     FROM (SELECT *, ${batchFirst} AS batch_first,
                  row_number() OVER (PARTITION BY ${keys} ORDER BY received_at, row_no) AS batch_rank
           FROM ${staged}) AS s
     LEFT JOIN (SELECT ${keys}, min(first_received_at) AS first FROM ${stream}
                WHERE ${scope} AND cityHash64(${keys}) IN (SELECT cityHash64(${keys}) FROM ${staged})
                  ${opts.resume ? 'AND batch_id != {batch:UUID}' : ''}
                GROUP BY ${keys}) AS e USING (${keys})
     ${notYetCommitted}
     ORDER BY s.row_no
     SETTINGS join_use_nulls = 1`,
    { batch: t.batchId, district: t.districtCode, unit: t.unitCode },
  );
}

/** Quarantined rows of the batch into rejected_rows; on resume only those not there yet. */
async function commitRejected(t: CommitTarget, opts: { resume: boolean }): Promise<void> {
  await runCommand(
    `-- commit staged rejected rows
     INSERT INTO rejected_rows SELECT * EXCEPT staged_at FROM staging_rejected
     WHERE batch_id = {batch:UUID}
       ${opts.resume ? `AND row_no NOT IN (SELECT row_no FROM rejected_rows WHERE district_code = {district:String} AND unit_code = {unit:String} AND batch_id = {batch:UUID})` : ''}`,
    { batch: t.batchId, district: t.districtCode, unit: t.unitCode },
  );
}

/**
 * The batch record, rewritten as stored: the newer finished_at wins in the ReplacingMergeTree, so it is always later
 * than the 'committing' version's, even when the process finishing the commit has a clock behind the one that began it.
 */
async function markStored(t: CommitTarget): Promise<void> {
  await runCommand(
    `-- ingest batch stored
     INSERT INTO ingest_batches
     SELECT * REPLACE ('stored' AS status,
                       greatest({finished:DateTime64(3, 'Asia/Shanghai')}, finished_at + toIntervalMillisecond(1)) AS finished_at)
     FROM ingest_batches FINAL WHERE unit_code = {unit:String} AND batch_id = {batch:UUID}`,
    { batch: t.batchId, unit: t.unitCode, finished: shanghaiTimestamp() },
  );
}

/**
 * Commit a staged batch whose record says 'committing': rows, rejected rows, then the record says 'stored'. Each
 * step can be done again after a crash without adding a copy, so a retry with the batch's Idempotency-Key that finds
 * it 'committing' finishes it (resume) and every measure ends as if there had been no crash (issue 13.6).
 */
async function commitBatch(t: CommitTarget, opts: { resume: boolean }): Promise<void> {
  await commitStaged(t, opts);
  crashPoint('rows');
  await commitRejected(t, opts);
  crashPoint('rejected');
  await markStored(t);
  crashPoint('stored');
  await afterCommit();
  // After every write of the commit (rows, rejected rows, rectifications): a reader with the new version sees them all.
  await recordDataChange(commitKinds(t.stream, t.backfill));
}

/** A commit left 'committing' this long is taken for dead by another instance sharing the ClickHouse server. */
const COMMIT_LEASE_SECONDS = 120;

/**
 * Finish a batch a crash left 'committing'. Embedded, only this process opens the data directory, and the key's lock
 * is ours: the commit is dead. On a shared ClickHouse another instance may still be committing it: wait for its lease.
 */
async function resumeCommit(previous: PreviousBatch, req: IngestRequest): Promise<void> {
  if (env().CLICKHOUSE_URL) {
    const age = (now().getTime() - Date.parse(`${previous.finishedAt.replace(' ', 'T')}+08:00`)) / 1000;
    if (age < COMMIT_LEASE_SECONDS) {
      const wait = Math.ceil(COMMIT_LEASE_SECONDS - age);
      throw new IngestRefused(409, `The batch with this Idempotency-Key is still being committed: retry in ${wait} s`, wait);
    }
  }
  const t: CommitTarget = {
    stream: previous.stream as Stream,
    batchId: previous.batchId,
    districtCode: previous.districtCode,
    unitCode: req.unitCode,
    backfill: previous.backfill === 1,
  };
  const staged = await queryOne(
    `SELECT count() AS n FROM staging_${t.stream} WHERE batch_id = {batch:UUID}`,
    { batch: t.batchId },
    z.object({ n: z.number() }),
  );
  if (staged.n < previous.accepted) {
    throw new IngestRefused(409, 'The batch with this Idempotency-Key was interrupted and its staged rows have expired: send it again with a new Idempotency-Key');
  }
  await commitBatch(t, { resume: true });
}

// One request per (unit, Idempotency-Key) at a time in this process, so a quick retry waits for the first answer.
const inFlight = new Map<string, Promise<unknown>>();

/** Wait until no request of this process holds the key, at most INGEST_KEY_WAIT_SECONDS; then a 409. */
async function waitForKey(lockKey: string): Promise<void> {
  const waitMs = env().INGEST_KEY_WAIT_SECONDS * 1000;
  const deadline = performance.now() + waitMs;
  while (inFlight.has(lockKey)) {
    const left = deadline - performance.now();
    if (left <= 0) {
      throw new IngestRefused(409, 'A request with this Idempotency-Key is still being processed: retry once it has answered', Math.ceil(waitMs / 1000));
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      inFlight.get(lockKey)!.catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, left))),
    ]);
    clearTimeout(timer);
  }
}

/** The body's SHA-256, read to the end (a replay compares it with the first request's). */
async function bodyHash(body: ReadableStream<Uint8Array> | null): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of decodeChunks(bodyBytes(body), { onBytes: (b) => hash.update(b) })) void chunk;
  return hash.digest('hex');
}

export async function ingestBatch(req: IngestRequest): Promise<IngestAnswer & { replayed: boolean }> {
  const lockKey = req.idempotencyKey ? `${req.unitCode}\u0001${req.idempotencyKey}` : '';
  if (lockKey) await waitForKey(lockKey);
  const run = (async () => {
    if (req.idempotencyKey) {
      const previous = await previousBatch(req.unitCode, req.idempotencyKey);
      if (previous) {
        if (previous.stream !== req.stream || previous.requestHash !== (await bodyHash(req.body))) {
          throw new IngestRefused(409, 'This Idempotency-Key was already used for a different request: use a new key for new data');
        }
        if (previous.status === 'committing') await resumeCommit(previous, req);
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

  crashPoint('staged');
  const errors = [...summary.firstErrors, ...notAddressedErrors].sort((a, b) => a.row - b.row).slice(0, ERRORS_IN_ANSWER);
  const answer: IngestAnswer = { batchId, accepted: summary.accepted - notAddressed, rejected: summary.rejected + notAddressed, errors };
  // The record, with its answer, before any row is committed: a retry after a crash finds it and finishes the commit.
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
      status: 'committing',
      response: JSON.stringify(answer),
      finished_at: shanghaiTimestamp(),
      request_hash: summary.requestHash,
      backfill: req.allowReceivedAt ? 1 : 0,
    },
  ]);
  crashPoint('recorded');
  const target = { stream: req.stream, batchId, districtCode: req.districtCode, unitCode: req.unitCode, backfill: req.allowReceivedAt };
  await commitBatch(target, { resume: false });
  return answer;
}
