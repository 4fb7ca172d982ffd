-- Daily ingestion rollups so the 归集 dashboards never scan raw facts.
-- accepted_rows counts every accepted version (quality: rows as received),
-- accepted_new counts only a key's first version (volume: distinct keys, bucketed by first receipt date).
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS ingest_daily {{on_cluster}}
(
    district_code  LowCardinality(String),
    unit_code      LowCardinality(String),
    stream         LowCardinality(String),
    catalog_code   LowCardinality(String),
    day            Date,
    accepted_rows  UInt64,
    accepted_new   UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYear(day)
ORDER BY (district_code, unit_code, stream, catalog_code, day);

CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_daily_records_mv {{on_cluster}} TO ingest_daily AS
SELECT district_code, unit_code, 'records' AS stream, catalog_code, toDate(received_at) AS day,
       count() AS accepted_rows, countIf(received_at = first_received_at) AS accepted_new
FROM records
GROUP BY district_code, unit_code, catalog_code, day;

CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_daily_licenses_mv {{on_cluster}} TO ingest_daily AS
SELECT district_code, unit_code, 'licenses' AS stream, 'XK' AS catalog_code, toDate(received_at) AS day,
       count() AS accepted_rows, countIf(received_at = first_received_at) AS accepted_new
FROM licenses
GROUP BY district_code, unit_code, day;

CREATE MATERIALIZED VIEW IF NOT EXISTS ingest_daily_penalties_mv {{on_cluster}} TO ingest_daily AS
SELECT district_code, unit_code, 'penalties' AS stream, 'CF' AS catalog_code, toDate(received_at) AS day,
       count() AS accepted_rows, countIf(received_at = first_received_at) AS accepted_new
FROM penalties
GROUP BY district_code, unit_code, day;

-- Rejected rows per day (rows as received) and per error code (a row may carry several codes).
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS rejected_daily {{on_cluster}}
(
    district_code  LowCardinality(String),
    unit_code      LowCardinality(String),
    stream         LowCardinality(String),
    day            Date,
    error_code     LowCardinality(String),   -- '' in the per-row line, the code in per-code lines
    rejected_rows  UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYear(day)
ORDER BY (district_code, unit_code, stream, day, error_code);

CREATE MATERIALIZED VIEW IF NOT EXISTS rejected_daily_mv {{on_cluster}} TO rejected_daily AS
SELECT district_code, unit_code, stream, toDate(received_at) AS day, code AS error_code, count() AS rejected_rows
FROM rejected_rows
ARRAY JOIN arrayConcat([''], arrayDistinct(error_codes)) AS code
GROUP BY district_code, unit_code, stream, day, error_code;
