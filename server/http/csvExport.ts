/** CSV (UTF-8 with BOM, for Excel) streamed row by row: exports never hold the whole result in memory. */
const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(';') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function csvResponse<T>(
  filename: string,
  columns: ReadonlyArray<{ header: string; value: (row: T) => unknown }>,
  rows: AsyncIterable<T>,
  onDone: (count: number) => Promise<void>,
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode('\uFEFF' + columns.map((c) => cell(c.header)).join(',') + '\r\n'));
      let count = 0;
      for await (const row of rows) {
        controller.enqueue(encoder.encode(columns.map((c) => cell(c.value(row))).join(',') + '\r\n'));
        count++;
      }
      await onDone(count);
      controller.close();
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
