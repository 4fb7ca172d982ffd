import { toCsv } from '../table/csv';

type Cell = unknown;

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel dates arrive as Date objects at UTC midnight: write them as the calendar date the cell shows. */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) {
    const date = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`;
    const time = `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`;
    return time === '00:00:00' ? date : `${date} ${time}`;
  }
  return String(cell).trim();
}

/**
 * A spreadsheet's first sheet (first row = field names) as the CSV the ingestion API takes, so an uploaded XLSX goes
 * through exactly the same parsing and validation as a CSV. Fully empty rows are dropped.
 */
export function sheetToCsv(rows: ReadonlyArray<ReadonlyArray<Cell>>): string {
  const [header, ...data] = rows;
  if (!header) return '';
  const width = header.length;
  const body = data
    .map((r) => Array.from({ length: width }, (_, i) => cellText(r[i])))
    .filter((r) => r.some((c) => c !== ''));
  return toCsv(header.map(cellText), body);
}
