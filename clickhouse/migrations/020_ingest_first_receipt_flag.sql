-- A key is new once (issue 13.5). The daily rollups counted a key's first version as a row whose receipt equals the
-- key's earliest receipt, which every copy of a key in one batch is, and so is every row of a backfill resent with the
-- receipt times it had. is_first is set at commit for the one row that makes the key new (server/ingest/ingestBatch.ts
-- commitStaged); rows stored before keep what the old rule said.
ALTER TABLE records {{on_cluster}} ADD COLUMN IF NOT EXISTS is_first UInt8 DEFAULT received_at = first_received_at;
ALTER TABLE licenses {{on_cluster}} ADD COLUMN IF NOT EXISTS is_first UInt8 DEFAULT received_at = first_received_at;
ALTER TABLE penalties {{on_cluster}} ADD COLUMN IF NOT EXISTS is_first UInt8 DEFAULT received_at = first_received_at;
ALTER TABLE decisions {{on_cluster}} ADD COLUMN IF NOT EXISTS is_first UInt8 DEFAULT received_at = first_received_at;
ALTER TABLE sanctions {{on_cluster}} ADD COLUMN IF NOT EXISTS is_first UInt8 DEFAULT received_at = first_received_at;
ALTER TABLE feedback {{on_cluster}} ADD COLUMN IF NOT EXISTS is_first UInt8 DEFAULT received_at = first_received_at;

DROP VIEW IF EXISTS ingest_daily_records_mv {{on_cluster}};
CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_daily_records_mv {{on_cluster}} TO ingest_daily AS
SELECT district_code, unit_code, 'records' AS stream, catalog_code, toDate(received_at) AS day,
       count() AS accepted_rows, sum(is_first) AS accepted_new
FROM records
GROUP BY district_code, unit_code, catalog_code, day;

DROP VIEW IF EXISTS ingest_daily_licenses_mv {{on_cluster}};
CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_daily_licenses_mv {{on_cluster}} TO ingest_daily AS
SELECT district_code, unit_code, 'licenses' AS stream, 'XK' AS catalog_code, toDate(received_at) AS day,
       count() AS accepted_rows, sum(is_first) AS accepted_new
FROM licenses
GROUP BY district_code, unit_code, day;

DROP VIEW IF EXISTS ingest_daily_penalties_mv {{on_cluster}};
CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_daily_penalties_mv {{on_cluster}} TO ingest_daily AS
SELECT district_code, unit_code, 'penalties' AS stream, 'CF' AS catalog_code, toDate(received_at) AS day,
       count() AS accepted_rows, sum(is_first) AS accepted_new
FROM penalties
GROUP BY district_code, unit_code, day;

-- A batch record is written as 'committing' (with its answer) before its rows are committed and rewritten as
-- 'stored' after (issue 13.6): a retry with the same Idempotency-Key that finds it 'committing' finishes the commit.
-- backfill says whether the batch's sender could supply receipt times, which the commit needs.
ALTER TABLE ingest_batches {{on_cluster}} ADD COLUMN IF NOT EXISTS backfill UInt8 DEFAULT 0;
