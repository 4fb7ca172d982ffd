import { describe, expect, it } from 'vitest';
import { EncodeError, encodeRows } from '@/server/db/encodeRows';
import { BodyError, bodyBytes } from '@/server/ingest/body';
import { CHUNK_ROWS, MAX_BODY_BYTES } from '@/server/ingest/limits';
import type { BodyFormat } from '@/server/ingest/parse';
import type { ValidationContext } from '@/server/ingest/validate';
import { validateBody, type ValidatedChunk, type ValidationSummary } from '@/server/ingest/validateBody';
import { validateRequestBody, validationThread } from '@/server/ingest/validateInWorker';
import { makeUscc } from '@/server/domain/uscc';
import { createHash } from 'node:crypto';

const ctx: ValidationContext = {
  stream: 'records',
  unitCode: 'C002',
  districtCode: '990100',
  batchId: '11111111-1111-4111-8111-111111111111',
  receivedAt: '2026-11-23 10:00:00.000',
  today: '2026-11-23',
  allowReceivedAt: false,
  catalogCodes: new Set(['QYDJ']),
  measureCodes: new Set(),
  unitDistricts: new Map(),
  usccExceptions: new Set(),
  hashKey: 'test-key',
};

const code = makeUscc('91990102MA0000001');
const good = (i: number) => ({ recordId: `R${i}`, catalogCode: 'QYDJ', subjectType: 'legal', subjectName: `示范市第${i}号"公司"`, subjectCode: code, occurredOn: '2026-11-02' });
// Every 7th row has a wrong check character, every 11th an unknown catalog item, every 13th is not JSON.
const ndjsonLine = (i: number) => {
  if (i % 13 === 0) return '{"recordId": oops';
  const row = good(i);
  if (i % 7 === 0) row.subjectCode = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
  if (i % 11 === 0) row.catalogCode = 'NOPE';
  return JSON.stringify(row);
};

async function collect(gen: AsyncGenerator<ValidatedChunk, ValidationSummary>) {
  const chunks: ValidatedChunk[] = [];
  for (;;) {
    const next = await gen.next();
    if (next.done) return { chunks, summary: next.value };
    chunks.push(next.value);
  }
}

const streamOf = (text: string, size = 65_536) => {
  const bytes = Buffer.from(text);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += size) controller.enqueue(new Uint8Array(bytes.subarray(i, i + size)));
      controller.close();
    },
  });
};

const lines = (b: Buffer) => b.toString('utf8').split('\n').filter(Boolean);

describe('encodeRows', () => {
  it('writes one JSON array per row, in the first row’s column order, whatever the text holds', () => {
    const rows = [
      { a: 'x', b: 1, c: ['p', 'q'], d: null },
      { a: '引号 " 反斜杠 \\ 换行 \n 表情 😀', b: 2.5, c: [], d: 'ok' },
    ];
    const out = encodeRows('t', rows);
    expect(out.columns).toEqual(['a', 'b', 'c', 'd']);
    expect(out.count).toBe(2);
    expect(lines(out.body).map((l) => JSON.parse(l) as unknown)).toEqual(rows.map((r) => [r.a, r.b, r.c, r.d]));
  });
  it('grows its buffer past the first guess, and refuses a row without a column', () => {
    const long = 'long text 长文本'.repeat(2_000);
    const out = encodeRows('t', [{ a: long }, { a: long }]);
    expect(lines(out.body).map((l) => JSON.parse(l) as unknown)).toEqual([[long], [long]]);
    expect(() => encodeRows('t', [{ a: 1, b: 2 }, { a: 1 }])).toThrow(EncodeError);
  });
});

describe('validateBody', () => {
  it('counts, splits and encodes a mixed NDJSON body in chunks, with the SHA-256 of its bytes', async () => {
    const n = CHUNK_ROWS + 500;
    const text = Array.from({ length: n }, (_, i) => ndjsonLine(i + 1)).join('\n');
    const { chunks, summary } = await collect(validateBody(bodyBytes(streamOf(text, 1000)), { format: 'ndjson', ctx }));
    const bad = Array.from({ length: n }, (_, i) => i + 1).filter((i) => i % 7 === 0 || i % 11 === 0 || i % 13 === 0);
    expect(summary).toMatchObject({ total: n, accepted: n - bad.length, rejected: bad.length });
    expect(summary.requestHash).toBe(createHash('sha256').update(text).digest('hex'));
    expect(summary.firstErrors).toHaveLength(100);
    expect(chunks.map((c) => c.accepted.count + c.rejected.count)).toEqual([CHUNK_ROWS, 500]);
    const accepted = chunks.flatMap((c) => lines(c.accepted.body).map((l) => Object.fromEntries(c.accepted.columns.map((col, j) => [col, (JSON.parse(l) as unknown[])[j]]))));
    expect(accepted).toHaveLength(n - bad.length);
    expect(accepted[0]).toMatchObject({ row_no: 1, record_id: 'R1', subject_name: '示范市第1号"公司"', unit_code: 'C002', batch_id: ctx.batchId });
    const rejected = chunks.flatMap((c) => lines(c.rejected.body).map((l) => Object.fromEntries(c.rejected.columns.map((col, j) => [col, (JSON.parse(l) as unknown[])[j]]))));
    expect(rejected.map((r) => r.row_no)).toEqual(bad);
    expect(rejected.find((r) => r.row_no === 7)).toMatchObject({ error_codes: ['USCC_CHECK'], row_key: 'QYDJ\u0001R7' });
    expect(rejected.find((r) => r.row_no === 13)).toMatchObject({ error_codes: ['PARSE'], raw: '{"recordId": oops', row_key: '' });
  });
});

describe('validateRequestBody (worker thread)', () => {
  it('runs in a worker thread, not in the request thread', async () => {
    expect(await validationThread()).toBe('worker');
  });
  const bodies: Record<BodyFormat, string> = {
    ndjson: Array.from({ length: 3_000 }, (_, i) => ndjsonLine(i + 1)).join('\n'),
    json: `[${Array.from({ length: 3_000 }, (_, i) => (i % 13 === 12 ? '42' : ndjsonLine(i + 1).replace('oops', '1}'))).join(',\n')}]`,
    csv: ['recordId,catalogCode,subjectType,subjectName,subjectCode,occurredOn', ...Array.from({ length: 3_000 }, (_, i) => {
      const r = good(i + 1);
      return [r.recordId, i % 11 === 0 ? 'NOPE' : r.catalogCode, r.subjectType, `示范市第${i}号公司`, i % 7 === 0 ? 'BAD' : r.subjectCode, r.occurredOn].join(',');
    })].join('\n'),
  };
  for (const format of ['ndjson', 'json', 'csv'] as const) {
    it(`gives the same chunks and summary as the request thread (${format})`, async () => {
      const inThread = await collect(validateBody(bodyBytes(streamOf(bodies[format], 4096)), { format, ctx }));
      const inWorker = await collect(validateRequestBody(streamOf(bodies[format], 4096), { format, ctx }));
      expect(inWorker.summary).toEqual(inThread.summary);
      expect(inWorker.summary.rejected).toBeGreaterThan(0);
      expect(inWorker.chunks.map((c) => [c.accepted.columns, c.accepted.count, c.accepted.body.toString(), c.rejected.count, c.rejected.body.toString()])).toEqual(
        inThread.chunks.map((c) => [c.accepted.columns, c.accepted.count, c.accepted.body.toString(), c.rejected.count, c.rejected.body.toString()]),
      );
    });
  }
  it('reports a body error of the worker with its status, and the next batch still runs', async () => {
    const notUtf8 = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
        c.close();
      },
    });
    await expect(collect(validateRequestBody(notUtf8, { format: 'ndjson', ctx }))).rejects.toMatchObject({ status: 400 });
    await expect(collect(validateRequestBody(streamOf('[1,2'), { format: 'json', ctx }))).rejects.toBeInstanceOf(BodyError);
    const ok = await collect(validateRequestBody(streamOf(ndjsonLine(1)), { format: 'ndjson', ctx }));
    expect(ok.summary).toMatchObject({ total: 1, accepted: 1 });
  });
  it('stops a body past the size limit with a 413', async () => {
    const big = new ReadableStream<Uint8Array>({
      pull(c) {
        c.enqueue(new Uint8Array(1024 * 1024).fill(0x20));
      },
    });
    await expect(collect(validateRequestBody(big, { format: 'ndjson', ctx }))).rejects.toMatchObject({ status: 413 });
    expect(MAX_BODY_BYTES).toBe(50 * 1024 * 1024);
  });
});
