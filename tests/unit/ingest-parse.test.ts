import { describe, expect, it } from 'vitest';
import { BodyError, bodyBytes, decodeChunks } from '@/server/ingest/body';
import { parseCsv, parseJsonArray, parseNdjson, type ParsedRow } from '@/server/ingest/parse';

const textChunks = (body: ReadableStream<Uint8Array>, maxBytes?: number) => decodeChunks(bodyBytes(body), { maxBytes });

async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}
async function all(rows: AsyncIterable<ParsedRow>) {
  const out: ParsedRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

const tricky = [
  { a: 'x', s: 'brackets ] } [ { and, commas', q: 'say "hi" \\ back' },
  { nested: { list: [1, [2, 3], { k: ']' }] }, empty: [] },
  { zh: '示范市，某公司' },
];

describe('parseJsonArray', () => {
  it('finds every element at any chunk size, whatever the strings hold', async () => {
    const text = ' \n' + JSON.stringify(tricky, null, 1) + '\n ';
    for (const size of [1, 2, 3, 7, 64, 10_000]) {
      const rows = await all(parseJsonArray(chunked(text, size)));
      expect(rows.map((r) => r.value)).toEqual(tricky);
      expect(rows.map((r) => r.rowNo)).toEqual([1, 2, 3]);
    }
  });
  it('an element that is not an object is a bad row, not a bad body', async () => {
    const rows = await all(parseJsonArray(chunked('[{"a":1}, 42, "x", {"b":2}]', 5)));
    expect(rows.map((r) => [r.rowNo, r.value ? 'ok' : r.parseError])).toEqual([
      [1, 'ok'],
      [2, 'a row must be a JSON object'],
      [3, 'a row must be a JSON object'],
      [4, 'ok'],
    ]);
  });
  it('a body that is not an array, is cut off or has trailing text is a body error', async () => {
    await expect(all(parseJsonArray(chunked('{"a":1}', 3)))).rejects.toThrow('must start with "["');
    await expect(all(parseJsonArray(chunked('[{"a":1},{"b":', 3)))).rejects.toThrow('not closed');
    await expect(all(parseJsonArray(chunked('[{"a":1}] x', 3)))).rejects.toThrow('after the closing');
    await expect(all(parseJsonArray(chunked('   ', 3)))).rejects.toThrow('empty');
    expect(await all(parseJsonArray(chunked('[]', 1)))).toEqual([]);
  });
});

describe('parseNdjson', () => {
  it('one object per line, blank lines skipped, bad lines are bad rows', async () => {
    const text = '{"a":1}\r\n\n{"b":"x\\ny"}\nnot json\n{"c":3}';
    for (const size of [1, 4, 100]) {
      const rows = await all(parseNdjson(chunked(text, size)));
      expect(rows.map((r) => [r.rowNo, r.value])).toEqual([
        [1, { a: 1 }],
        [2, { b: 'x\ny' }],
        [3, null],
        [4, { c: 3 }],
      ]);
    }
  });
  it('refuses a body that is not NDJSON at all', async () => {
    await expect(all(parseNdjson(chunked('<xml/>', 10)))).rejects.toBeInstanceOf(BodyError);
    // however much whitespace (in however many chunks) comes first
    await expect(all(parseNdjson(chunked('  \n\n  <xml/>', 2)))).rejects.toBeInstanceOf(BodyError);
    expect((await all(parseNdjson(chunked('  \n\n  {"a":1}\n', 2)))).map((r) => r.value)).toEqual([{ a: 1 }]);
  });
});

describe('parseCsv', () => {
  const fields = new Set(['docNo', 'subjectName', 'penaltyTypes']);
  it('reads quoted fields with commas, quotes and newlines, and keeps the raw line', async () => {
    const text = '\uFEFFdocNo,subjectName,penaltyTypes\r\nCF-1,"甲公司,分店",警告;罚款\r\nCF-2,"说""明""\n第二行",罚款\r\n';
    const rows = await all(parseCsv(chunked(text, 5), fields));
    expect(rows.map((r) => r.value)).toEqual([
      { docNo: 'CF-1', subjectName: '甲公司,分店', penaltyTypes: '警告;罚款' },
      { docNo: 'CF-2', subjectName: '说"明"\n第二行', penaltyTypes: '罚款' },
    ]);
    expect(rows[0]?.raw).toBe('CF-1,"甲公司,分店",警告;罚款');
  });
  it('a ragged row is a bad row; an unknown header is a body error', async () => {
    const rows = await all(parseCsv(chunked('docNo,subjectName\nA,B\nC\n', 4), fields));
    expect(rows[1]).toMatchObject({ rowNo: 2, value: null });
    await expect(all(parseCsv(chunked('docNo,color\nA,red\n', 4), fields))).rejects.toThrow('unknown field(s): color');
    await expect(all(parseCsv(chunked('x,y\n1,2\n', 4), fields))).rejects.toThrow('names no known field');
  });
  it('a syntax error is a 400 body error naming its line, at any chunk size and however long the body is', async () => {
    const bad = 'docNo,subjectName\n"1","甲"\na"b,c\n';
    for (const size of [1, 4, 1000]) {
      await expect(all(parseCsv(chunked(bad, size), fields))).rejects.toMatchObject({ status: 400, message: expect.stringContaining('at line 3') });
    }
    // A long body keeps the parser's output full (backpressure) when the error comes: it still ends.
    const long = 'docNo,subjectName\n' + 'A,B\n'.repeat(50_000) + 'x"y,z\n' + 'A,B\n'.repeat(10);
    await expect(all(parseCsv(chunked(long, 64 * 1024), fields))).rejects.toThrow('at line 50002');
  });
  it('a body error of the source (too large, bad UTF-8) reaches the reader as it is', async () => {
    const big = new Blob(['docNo,subjectName\n' + 'A,B\n'.repeat(100)]).stream();
    await expect(all(parseCsv(textChunks(big, 50), fields))).rejects.toMatchObject({ status: 413 });
  });
});

describe('bodyBytes + decodeChunks', () => {
  it('refuses invalid UTF-8 and bodies over the limit', async () => {
    const bad = new Blob([new Uint8Array([0x61, 0xff, 0x62])]).stream();
    await expect(all(parseNdjson(textChunks(bad)) as AsyncIterable<ParsedRow>)).rejects.toThrow('UTF-8');
    const big = new Blob(['{"a":1}\n'.repeat(100)]).stream();
    await expect(all(parseNdjson(textChunks(big, 50)))).rejects.toMatchObject({ status: 413 });
  });
  it('decodes a multi-byte character split across chunks', async () => {
    const bytes = new TextEncoder().encode('{"n":"示范市"}');
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const b of bytes) c.enqueue(new Uint8Array([b]));
        c.close();
      },
    });
    expect((await all(parseNdjson(textChunks(stream))))[0]?.value).toEqual({ n: '示范市' });
  });
});
