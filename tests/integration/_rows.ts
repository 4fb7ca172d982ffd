/** Request bodies shared by the ingestion tests. */
export const LEGAL = '91350100M000100Y43'; // GB 32100 example, valid

/** Rows as NDJSON. */
export const nd = (...rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n');

/** A valid `records` row of a legal person, with fields overridden by `extra`. */
export const record = (id: string, extra: Record<string, unknown> = {}) => ({
  recordId: id,
  catalogCode: 'QYDJ',
  subjectType: 'legal',
  subjectName: '示范市测试有限公司',
  subjectCode: LEGAL,
  occurredOn: '2026-11-02',
  data: { capital: 100 },
  ...extra,
});
