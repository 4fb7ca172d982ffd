import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';

/** Rows per worksheet: Excel's limit is 1,048,576 rows; past this an export continues on the next sheet. */
export const XLSX_ROWS_PER_SHEET = 1_000_000;

const cellValue = (v: unknown): string | number | boolean | null => {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
};

/**
 * XLSX streamed row by row (exceljs' streaming WorkbookWriter): memory stays bounded whatever the row count, and
 * nothing is ever truncated: past XLSX_ROWS_PER_SHEET rows the export continues on a new worksheet. `onDone` gets the
 * row count once everything is written (for the audit log).
 */
export function xlsxResponse<T>(
  filename: string,
  sheetName: string,
  columns: ReadonlyArray<{ header: string; value: (row: T) => unknown; width?: number }>,
  rows: AsyncIterable<T>,
  onDone: (count: number) => Promise<void>,
): Response {
  const out = new PassThrough();
  void (async () => {
    try {
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
      let sheet: ReturnType<typeof workbook.addWorksheet> | null = null;
      let sheetNo = 0;
      let inSheet = 0;
      let count = 0;
      const newSheet = () => {
        sheet?.commit();
        sheetNo++;
        inSheet = 0;
        sheet = workbook.addWorksheet(sheetNo === 1 ? sheetName : `${sheetName} (${sheetNo})`);
        sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
      };
      newSheet();
      for await (const row of rows) {
        if (inSheet >= XLSX_ROWS_PER_SHEET) newSheet();
        sheet!.addRow(columns.map((c) => cellValue(c.value(row)))).commit();
        inSheet++;
        count++;
        // Let a slow client pace the export instead of buffering it.
        if (count % 1000 === 0 && out.writableNeedDrain) await once(out, 'drain');
      }
      sheet!.commit();
      await workbook.commit();
      await onDone(count);
    } catch (error) {
      console.error('[xlsx export] failed', error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
