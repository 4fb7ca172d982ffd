/**
 * The key of a row as sent (design.md §4), for rejected rows: "not resent yet" means no accepted row with the same key
 * arrived after the rejection. The key is the stream's key fields without the sending unit (a rejected row carries
 * the token's unit beside it), trimmed as validation trims them, joined by \x01; '' when any of them is missing.
 *
 * Three definitions that must agree: rowKeyOf (TypeScript, at ingestion, any body format), rowKeyFromJsonSql (SQL over
 * the raw JSON text, for rows stored before the key was kept) and acceptedKeySql (SQL over the stream tables' columns).
 */
import type { Stream } from './streams';

export const KEY_SEPARATOR = '\u0001';

/** Key fields in order (camelCase as sent); the sending unit is implied. */
export const ROW_KEY_FIELDS: Record<Stream, readonly string[]> = {
  records: ['catalogCode', 'recordId'],
  licenses: ['docNo'],
  penalties: ['docNo'],
  decisions: ['kind', 'docNo'],
  sanctions: ['respondingUnit', 'caseId', 'measureCode'],
  feedback: ['caseId', 'measureCode'],
};

/** The key of a parsed row; '' when a key field is missing, blank or not text/number. */
export function rowKeyOf(stream: Stream, value: Record<string, unknown> | null | undefined): string {
  if (!value) return '';
  const parts: string[] = [];
  for (const field of ROW_KEY_FIELDS[stream]) {
    const v = value[field];
    if (typeof v !== 'string' && typeof v !== 'number') return '';
    const s = String(v).trim();
    if (s === '' || s.includes(KEY_SEPARATOR)) return '';
    parts.push(s);
  }
  return parts.join(KEY_SEPARATOR);
}

/** The same key over a rejected row's raw JSON text (column `raw` of the alias prefix): '' for CSV text or a missing field. */
export function rowKeyFromJsonSql(prefix = ''): string {
  const raw = `${prefix}raw`;
  const field = (f: string) =>
    `trimBoth(multiIf(JSONType(${raw}, '${f}') = 'String', JSONExtractString(${raw}, '${f}'),
                      JSONType(${raw}, '${f}') IN ('Int64', 'UInt64', 'Double'), JSONExtractRaw(${raw}, '${f}'), ''))`;
  const streams = Object.entries(ROW_KEY_FIELDS) as Array<[Stream, readonly string[]]>;
  const branches = streams.map(([stream, fields]) => {
    const parts = fields.map(field);
    return `${prefix}stream = '${stream}', if(${parts.map((p) => `${p} = ''`).join(' OR ')}, '', concat(${parts.join(", '\\x01', ")}))`;
  });
  return `if(isValidJSON(${raw}), multiIf(${branches.join(',\n       ')}, ''), '')`;
}

/**
 * Where the accepted rows of a stream are: the table, its sending-unit column, the columns of the key fields (in
 * ROW_KEY_FIELDS order) and, when the table's primary key leads with the sender's district, that column (so a lookup
 * by (district, unit, key columns) reads only the key's granules).
 */
export const ACCEPTED_KEY: Record<Stream, { table: Stream; unit: string; district: string | null; columns: readonly string[] }> = {
  records: { table: 'records', unit: 'unit_code', district: 'district_code', columns: ['catalog_code', 'record_id'] },
  licenses: { table: 'licenses', unit: 'unit_code', district: 'district_code', columns: ['doc_no'] },
  penalties: { table: 'penalties', unit: 'unit_code', district: 'district_code', columns: ['doc_no'] },
  decisions: { table: 'decisions', unit: 'unit_code', district: 'district_code', columns: ['kind', 'doc_no'] },
  // keyed by the responding unit: the sender (initiating unit) is not part of the table's primary key
  sanctions: { table: 'sanctions', unit: 'unit_code', district: null, columns: ['responding_unit', 'case_id', 'measure_code'] },
  feedback: { table: 'feedback', unit: 'unit_code', district: 'district_code', columns: ['case_id', 'measure_code'] },
};
