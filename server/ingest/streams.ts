/** The six ingestion streams of design.md §4: table and key columns (the key decides what a resend replaces). */
export const STREAMS = ['records', 'licenses', 'penalties', 'decisions', 'sanctions', 'feedback'] as const;
export type Stream = (typeof STREAMS)[number];

export const STREAM_KEYS: Record<Stream, readonly string[]> = {
  records: ['unit_code', 'catalog_code', 'record_id'],
  licenses: ['unit_code', 'doc_no'],
  penalties: ['unit_code', 'doc_no'],
  decisions: ['unit_code', 'kind', 'doc_no'],
  sanctions: ['case_id', 'measure_code', 'responding_unit'],
  feedback: ['unit_code', 'case_id', 'measure_code'],
};

export function isStream(value: string): value is Stream {
  return (STREAMS as readonly string[]).includes(value);
}
