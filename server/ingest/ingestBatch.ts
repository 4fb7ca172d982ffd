import { TupleParam } from '@clickhouse/client';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { shanghaiTimestamp } from '../clock';
import { today } from '../clock';
import { bumpDataEpoch, ingestChange } from '../db/dataEpoch';
import { insertRows, queryRows, runCommand } from '../db/query';
import { subjectHashKey } from '../privacyKey';
import { BodyError, textChunks } from './body';
import { CHUNK_ROWS, ERRORS_IN_ANSWER, MAX_ROWS } from './limits';
import { parseCsv, parseJsonArray, parseNdjson, type BodyFormat, type ParsedRow } from './parse';
import { referenceSets } from './referenceSets';
import type { StoredRow } from './store';
import { rowKeyOf } from './rowKey';
import { STREAM_KEYS, type Stream } from './streams';
import { COMMON_FIELDS, maskIdsInText, STREAM_FIELDS, validateRow, type RowError, type ValidationContext } from './validate';

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

/** Feedback may only answer pushes addressed to the sending unit: the keys of this chunk that exist as pushes. */
async function addressedPushes(unitCode: string, rows: StoredRow[]): Promise<Set<string>> {
  const keys = [...new Set(rows.map((r) => `${r.case_id}\u0001${r.measure_code}`))].map((k) => new TupleParam(k.split('\u0001')));
  if (keys.length === 0) return new Set();
  const found = await queryRows(
    `-- pushes addressed to a unit
     SELECT DISTINCT case_id, measure_code FROM sanctions
     WHERE responding_unit = {unit:String} AND (case_id, measure_code) IN {keys:Array(Tuple(String, String))}`,
    { unit: unitCode, keys },
    z.object({ case_id: z.string(), measure_code: z.string() }),
  );
  return new Set(found.map((f) => `${f.case_id}\u0001${f.measure_code}`));
}

function parserFor(format: BodyFormat, stream: Stream, chunks: AsyncIterable<string>): AsyncIterable<ParsedRow> {
  if (format === 'ndjson') return parseNdjson(chunks);
  if (format === 'json') return parseJsonArray(chunks);
  return parseCsv(chunks, new Set([...STREAM_FIELDS[stream], ...COMMON_FIELDS]));
}

/** Hash the body as it streams by, for the Idempotency-Key check. */
async function* hashing(chunks: AsyncIterable<string>, hash: ReturnType<typeof createHash>): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    hash.update(chunk);
    yield chunk;
  }
}

/** Move a staged batch into its stream table, keeping each key's earliest receipt. */
async function commitStaged(stream: Stream, batchId: string): Promise<void> {
  const columns = (
    await queryRows(
      `SELECT name FROM system.columns WHERE database = currentDatabase() AND table = {table:String} ORDER BY position`,
      { table: stream },
      z.object({ name: z.string() }),
    )
  )
    .map((c) => c.name)
    .filter((c) => c !== 'first_received_at');
  const keys = STREAM_KEYS[stream].join(', ');
  // Identifiers come from the schema and the fixed key table; the batch id is bound.
  await runCommand(
    `-- commit staged batch
     INSERT INTO ${stream} (${columns.join(', ')}, first_received_at)
     SELECT ${columns.map((c) => `s.${c}`).join(', ')},
            if(isNull(e.first) OR e.first > s.batch_first, s.batch_first, assumeNotNull(e.first))
     FROM (SELECT *, min(received_at) OVER (PARTITION BY ${keys}) AS batch_first
           FROM staging_${stream} WHERE batch_id = {batch:UUID}) AS s
     LEFT JOIN (SELECT ${keys}, min(first_received_at) AS first FROM ${stream}
                WHERE (${keys}) IN (SELECT ${keys} FROM staging_${stream} WHERE batch_id = {batch:UUID})
                GROUP BY ${keys}) AS e USING (${keys})
     SETTINGS join_use_nulls = 1`,
    { batch: batchId },
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
        for await (const chunk of hashing(textChunks(req.body), hash)) void chunk;
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
  const hash = createHash('sha256');
  let total = 0;
  let accepted = 0;
  let rejected = 0;
  const firstErrors: RowError[] = [];
  let good: StoredRow[] = [];
  let bad: Array<Record<string, unknown>> = [];

  const reject = (rowNo: number, raw: string, errors: RowError[], key: string, into: Array<Record<string, unknown>> = bad) => {
    rejected++;
    for (const e of errors) if (firstErrors.length < ERRORS_IN_ANSWER) firstErrors.push(e);
    into.push({
      batch_id: batchId,
      stream: req.stream,
      unit_code: req.unitCode,
      district_code: req.districtCode,
      row_no: rowNo,
      raw: maskIdsInText(raw.slice(0, 20_000)),
      error_codes: [...new Set(errors.map((e) => e.code))],
      errors: JSON.stringify(errors.map(({ field, code, message }) => ({ field, code, message }))),
      received_at: receivedAt,
      row_key: key,
    });
  };

  /** Feedback answers only pushes addressed to the sender: the others become rejected rows of the same chunk. */
  const keepAddressed = async (rows: StoredRow[], rejectedRows: Array<Record<string, unknown>>) => {
    const addressed = await addressedPushes(req.unitCode, rows);
    return rows.filter((row) => {
      if (addressed.has(`${row.case_id}\u0001${row.measure_code}`)) return true;
      accepted--;
      const rowNo = Number(row.row_no);
      const raw = JSON.stringify({ caseId: row.case_id, measureCode: row.measure_code, result: row.result, note: row.note });
      const message = `案件 ${String(row.case_id)} 的措施 ${String(row.measure_code)} 未推送给本单位 ${req.unitCode}，不能反馈`;
      const key = rowKeyOf('feedback', { caseId: row.case_id, measureCode: row.measure_code });
      reject(rowNo, raw, [{ row: rowNo, field: 'caseId', code: 'NOT_ADDRESSED', message }], key, rejectedRows);
      return false;
    });
  };

  // Staging inserts run in chDB's own threads: validate the next chunk while the previous one is written.
  let writing: Promise<void> = Promise.resolve();
  const write = async (rows: StoredRow[], rejectedRows: Array<Record<string, unknown>>) => {
    const kept = req.stream === 'feedback' && rows.length ? await keepAddressed(rows, rejectedRows) : rows;
    await insertRows(`staging_${req.stream}`, kept);
    await insertRows('staging_rejected', rejectedRows);
  };
  const flush = async () => {
    const rows = good;
    const rejectedRows = bad;
    good = [];
    bad = [];
    await writing;
    writing = write(rows, rejectedRows);
    // A failed write surfaces at the next flush or at the end, never as an unhandled rejection.
    writing.catch(() => undefined);
  };

  try {
    for await (const parsed of parserFor(req.format, req.stream, hashing(textChunks(req.body), hash))) {
      total++;
      if (total > MAX_ROWS) throw new BodyError(413, `A batch holds at most ${MAX_ROWS.toLocaleString('en')} rows: split the data into several requests`);
      if (!parsed.value) {
        reject(parsed.rowNo, parsed.raw, [{ row: parsed.rowNo, field: '', code: 'PARSE', message: `第 ${parsed.rowNo} 行无法解析：${parsed.parseError ?? ''}` }], '');
      } else {
        const result = validateRow(ctx, parsed.rowNo, parsed.value);
        if (result.row) {
          accepted++;
          good.push(result.row);
        } else reject(parsed.rowNo, parsed.raw, result.errors, rowKeyOf(req.stream, parsed.value));
      }
      if (good.length + bad.length >= CHUNK_ROWS) await flush();
    }
    await flush();
    await writing;
  } catch (error) {
    await writing.catch(() => undefined);
    // Staged rows of a refused body are never committed (they expire with the staging TTL).
    if (error instanceof BodyError) throw new IngestRefused(error.status, error.message);
    throw error;
  }
  if (total === 0) throw new IngestRefused(400, 'The body holds no rows');

  await commitStaged(req.stream, batchId);
  bumpDataEpoch(ingestChange(req.stream, req.allowReceivedAt));
  await runCommand(
    `-- commit staged rejected rows
     INSERT INTO rejected_rows SELECT * EXCEPT staged_at FROM staging_rejected WHERE batch_id = {batch:UUID}`,
    { batch: batchId },
  );
  const answer: IngestAnswer = { batchId, accepted, rejected, errors: firstErrors };
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
      rows_total: total,
      accepted,
      rejected,
      status: 'stored',
      response: JSON.stringify(answer),
      finished_at: shanghaiTimestamp(),
      request_hash: hash.digest('hex'),
    },
  ]);
  return answer;
}
