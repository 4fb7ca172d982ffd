/**
 * A request body from bytes to insert bodies: decode, parse, validate every row, and encode the accepted rows for the
 * stream's staging table and the rejected rows for staging_rejected, in chunks of CHUNK_ROWS (memory flat in the
 * batch size). Pure (no database): it runs in the validation worker thread (./validationWorker.ts) or, where no worker
 * can start, in the calling thread. Both give the same bytes.
 */
import { createHash } from 'node:crypto';
import { encodeRows, type EncodedRows } from '../db/encodeRows';
import { BodyError, decodeChunks } from './body';
import { CHUNK_ROWS, ERRORS_IN_ANSWER, MAX_ROWS } from './limits';
import { parseCsv, parseJsonArray, parseNdjson, type BodyFormat, type ParsedRow } from './parse';
import { rowKeyOf } from './rowKey';
import type { Stream } from './streams';
import { COMMON_FIELDS, maskIdsInText, STREAM_FIELDS, validateRow, type RowError, type ValidationContext } from './validate';

export type ValidatedChunk = {
  accepted: EncodedRows;
  rejected: EncodedRows;
  /** feedback only: `${case_id}\x01${measure_code}` of each accepted row, in order (the main thread checks addressing). */
  feedbackKeys: string[] | null;
};

export type ValidationSummary = { total: number; accepted: number; rejected: number; firstErrors: RowError[]; requestHash: string };

function parserFor(format: BodyFormat, stream: Stream, chunks: AsyncIterable<string>): AsyncIterable<ParsedRow> {
  if (format === 'ndjson') return parseNdjson(chunks);
  if (format === 'json') return parseJsonArray(chunks);
  return parseCsv(chunks, new Set([...STREAM_FIELDS[stream], ...COMMON_FIELDS]));
}

/** A rejected row as kept in quarantine (rejected_rows): the raw text with ID numbers masked, and every error. */
export function rejectedRow(ctx: ValidationContext, rowNo: number, raw: string, errors: RowError[], key: string): Record<string, unknown> {
  return {
    batch_id: ctx.batchId,
    stream: ctx.stream,
    unit_code: ctx.unitCode,
    district_code: ctx.districtCode,
    row_no: rowNo,
    raw: maskIdsInText(raw.slice(0, 20_000)),
    error_codes: [...new Set(errors.map((e) => e.code))],
    errors: JSON.stringify(errors.map(({ field, code, message }) => ({ field, code, message }))),
    received_at: ctx.receivedAt,
    row_key: key,
  };
}

/**
 * Validate a body given as byte chunks. Yields a chunk of encoded rows every CHUNK_ROWS rows (and a last one);
 * returns the counts, the first ERRORS_IN_ANSWER errors and the SHA-256 of the body's bytes. Throws BodyError for a
 * body that cannot be read (not UTF-8, too large, too many rows, not the declared format).
 */
export async function* validateBody(
  bytes: AsyncIterable<Uint8Array>,
  opts: { format: BodyFormat; ctx: ValidationContext },
): AsyncGenerator<ValidatedChunk, ValidationSummary> {
  const { ctx } = opts;
  const hash = createHash('sha256');
  const summary: ValidationSummary = { total: 0, accepted: 0, rejected: 0, firstErrors: [], requestHash: '' };
  let good: Array<Record<string, unknown>> = [];
  let bad: Array<Record<string, unknown>> = [];
  const reject = (rowNo: number, raw: string, errors: RowError[], key: string) => {
    summary.rejected++;
    for (const e of errors) if (summary.firstErrors.length < ERRORS_IN_ANSWER) summary.firstErrors.push(e);
    bad.push(rejectedRow(ctx, rowNo, raw, errors, key));
  };
  const chunk = (): ValidatedChunk => {
    const out = {
      accepted: encodeRows(`staging_${ctx.stream}`, good),
      rejected: encodeRows('staging_rejected', bad),
      feedbackKeys: ctx.stream === 'feedback' ? good.map((r) => `${String(r.case_id)}\u0001${String(r.measure_code)}`) : null,
    };
    good = [];
    bad = [];
    return out;
  };

  const text = decodeChunks(bytes, { onBytes: (b) => hash.update(b) });
  for await (const parsed of parserFor(opts.format, ctx.stream, text)) {
    summary.total++;
    if (summary.total > MAX_ROWS) throw new BodyError(413, `A batch holds at most ${MAX_ROWS.toLocaleString('en')} rows: split the data into several requests`);
    if (!parsed.value) {
      reject(parsed.rowNo, parsed.raw, [{ row: parsed.rowNo, field: '', code: 'PARSE', message: `第 ${parsed.rowNo} 行无法解析：${parsed.parseError ?? ''}` }], '');
    } else {
      const result = validateRow(ctx, parsed.rowNo, parsed.value);
      if (result.row) {
        summary.accepted++;
        good.push(result.row);
      } else reject(parsed.rowNo, parsed.raw, result.errors, rowKeyOf(ctx.stream, parsed.value));
    }
    if (good.length + bad.length >= CHUNK_ROWS) yield chunk();
  }
  if (good.length + bad.length > 0) yield chunk();
  summary.requestHash = hash.digest('hex');
  return summary;
}
