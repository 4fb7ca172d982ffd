import { parse as csvParse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { BodyError } from './body';

/** One row as received: its number (1-based), its raw text, and the parsed object or why it could not be parsed. */
export type ParsedRow = { rowNo: number; raw: string; value: Record<string, unknown> | null; parseError?: string };

export type BodyFormat = 'json' | 'ndjson' | 'csv';

export function formatOf(contentType: string | null): BodyFormat | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') return 'json';
  if (type === 'application/x-ndjson' || type === 'application/ndjson' || type === 'application/jsonl') return 'ndjson';
  if (type === 'text/csv') return 'csv';
  return null;
}

function asObject(raw: string, rowNo: number): ParsedRow {
  try {
    const value: unknown = JSON.parse(raw);
    if (value && typeof value === 'object' && !Array.isArray(value)) return { rowNo, raw, value: value as Record<string, unknown> };
    return { rowNo, raw, value: null, parseError: 'a row must be a JSON object' };
  } catch {
    return { rowNo, raw, value: null, parseError: 'the row is not valid JSON' };
  }
}

/** NDJSON: one JSON object per line; blank lines are skipped; a bad line is a bad row, not a bad body. */
export async function* parseNdjson(chunks: AsyncIterable<string>): AsyncGenerator<ParsedRow> {
  // The current line's text before this chunk, kept in pieces: joining only at a newline keeps a long line (or a
  // body of whitespace) linear in its length, where appending to one string and searching it rescans it per chunk.
  let pending: string[] = [];
  let rowNo = 0;
  let first = true;
  for await (const chunk of chunks) {
    if (first) {
      // The first character that is not whitespace: every chunk before this one was whitespace only.
      const start = chunk.trimStart()[0];
      if (start !== undefined) {
        first = false;
        if (start !== '{') throw new BodyError(400, 'The body is not NDJSON: each line must be a JSON object starting with "{"');
      }
    }
    let from = 0;
    let nl: number;
    while ((nl = chunk.indexOf('\n', from)) >= 0) {
      const piece = chunk.slice(from, nl);
      const line = (pending.length > 0 ? pending.join('') + piece : piece).trim();
      pending = [];
      from = nl + 1;
      if (line) yield asObject(line, ++rowNo);
    }
    if (from < chunk.length) pending.push(from === 0 ? chunk : chunk.slice(from));
  }
  const last = pending.join('').trim();
  if (last) yield asObject(last, ++rowNo);
}

/**
 * A JSON array of objects, streamed: element boundaries are found by tracking nesting depth and strings, so each
 * element is parsed alone. A body that is not an array, or is cut off, is a body error.
 */
export async function* parseJsonArray(chunks: AsyncIterable<string>): AsyncGenerator<ParsedRow> {
  let depth = 0; // 0 before '[', 1 inside the array, >1 inside an element
  let inString = false;
  let escaped = false;
  let started = false;
  let ended = false;
  let element = '';
  let rowNo = 0;
  for await (const chunk of chunks) {
    let from = 0; // start of the part of this chunk that belongs to the current element
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ended) {
        if (ch > 32) throw new BodyError(400, 'Unexpected text after the closing "]" of the JSON array');
        continue;
      }
      if (!started) {
        if (ch <= 32 || ch === 0xfeff) continue;
        if (ch !== 91 /* [ */) throw new BodyError(400, 'The body is not a JSON array: it must start with "["');
        started = true;
        depth = 1;
        from = i + 1;
        continue;
      }
      if (inString) {
        if (escaped) escaped = false;
        else if (ch === 92 /* \ */) escaped = true;
        else if (ch === 34 /* " */) inString = false;
        continue;
      }
      if (ch === 34) inString = true;
      else if (ch === 123 /* { */ || ch === 91 /* [ */) depth++;
      else if (ch === 125 /* } */ || ch === 93 /* ] */) {
        depth--;
        if (depth === 0) {
          // closing bracket of the array: flush a last element
          const text = (element + chunk.slice(from, i)).trim();
          if (text) yield asObject(text, ++rowNo);
          element = '';
          ended = true;
          from = i + 1;
        }
      } else if (ch === 44 /* , */ && depth === 1) {
        const text = (element + chunk.slice(from, i)).trim();
        if (text) yield asObject(text, ++rowNo);
        element = '';
        from = i + 1;
      }
    }
    if (started && !ended) element += chunk.slice(from);
  }
  if (!started) throw new BodyError(400, 'The body is empty: send a JSON array of rows');
  if (!ended) throw new BodyError(400, 'The JSON array is not closed: the body was cut off or is malformed');
}

/**
 * CSV with a header row of field names (design.md §4). Array fields use ";" between items; `data` holds JSON text.
 * A header naming no known field is a body error; ragged rows are row errors.
 */
export async function* parseCsv(chunks: AsyncIterable<string>, knownFields: ReadonlySet<string>): AsyncGenerator<ParsedRow> {
  const parser = csvParse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, raw: true });
  // pipeline ends both sides on any error: a syntax error stops the reader (a hand-made write/drain loop waited for
  // a drain that never came once the parser had failed), and a body error (413, bad UTF-8) reaches the parser's reader.
  pipeline(Readable.from(chunks), parser, () => undefined);
  let header: string[] | null = null;
  let rowNo = 0;
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      if (!header) {
        header = record.record.map((h) => h.trim());
        const unknown = header.filter((h) => !knownFields.has(h));
        if (header.length === 0 || unknown.length === header.length) {
          throw new BodyError(400, `The CSV header names no known field (got: ${header.slice(0, 5).join(', ')}); expected field names such as ${[...knownFields].slice(0, 6).join(', ')}`);
        }
        if (unknown.length > 0) throw new BodyError(400, `The CSV header has unknown field(s): ${unknown.join(', ')}`);
        continue;
      }
      rowNo++;
      const raw = record.raw.replace(/\r?\n$/, '').replace(/\r$/, '');
      if (record.record.length !== header.length) {
        yield { rowNo, raw, value: null, parseError: `the row has ${record.record.length} columns, the header has ${header.length}` };
        continue;
      }
      const value: Record<string, unknown> = {};
      header.forEach((h, i) => {
        const cell = record.record[i] ?? '';
        if (cell !== '') value[h] = cell;
      });
      yield { rowNo, raw, value };
    }
  } catch (error) {
    if (error instanceof BodyError) throw error;
    throw new BodyError(400, csvSyntaxMessage(error));
  } finally {
    parser.destroy();
  }
  if (!header) throw new BodyError(400, 'The CSV body is empty: it needs a header row and data rows');
}

/** csv-parse's error with the line it stopped at (its `lines` counts from 1, the header included). */
function csvSyntaxMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = (error as { lines?: unknown }).lines;
  const where = typeof line === 'number' ? ` at line ${line}` : '';
  return `The body is not valid CSV${where}: ${message}. Quote a field that holds a quote, comma or line break, and double the quotes inside it ("a""b")`;
}
