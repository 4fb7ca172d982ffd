/**
 * The six ingestion streams of design.md §4 and their key columns: exactly each table's ORDER BY (the §4 key, led by
 * scope columns that are functions of it), so a key lookup uses the primary index and a resend replaces its original.
 */
export const STREAMS = ['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback'] as const;
export type Stream = (typeof STREAMS)[number];

export const STREAM_KEYS: Record<Stream, readonly string[]> = {
  records: ['district_code', 'unit_code', 'catalog_code', 'record_id'],
  licenses: ['district_code', 'unit_code', 'doc_no'],
  penalties: ['district_code', 'unit_code', 'doc_no'],
  decisions: ['district_code', 'unit_code', 'kind', 'doc_no'],
  sanctions: ['responding_district_code', 'responding_unit', 'case_id', 'measure_code'],
  feedback: ['district_code', 'unit_code', 'case_id', 'measure_code'],
};

export function isStream(value: string): value is Stream {
  return (STREAMS as readonly string[]).includes(value);
}
