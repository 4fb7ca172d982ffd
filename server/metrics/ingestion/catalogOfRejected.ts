/**
 * The catalog item of a rejected row, as SQL over rejected_rows columns (prefix = the table alias with its dot, or '').
 * Must stay equal to the expression of clickhouse/migrations/007_ingest_quality_rollup.sql, which fills the
 * rejected_catalog_daily rollup: the figures come from the rollup, the drill-down rows from this expression, and
 * tests/integration/ingestion-dashboard.test.ts checks that both count the same rows.
 */
export const catalogOfRejectedSql = (prefix = '') =>
  `multiIf(${prefix}stream = 'licenses', 'XK', ${prefix}stream = 'penalties', 'CF', ` +
  `${prefix}stream = 'records', left(JSONExtractString(${prefix}raw, 'catalogCode'), 40), '')`;

/** The streams whose accepted rows are ingestion volume (design.md §5). */
export const VOLUME_STREAMS = ['records', 'licenses', 'penalties'] as const;
export type VolumeStream = (typeof VOLUME_STREAMS)[number];
