-- Rejected rows per day, error code AND catalog item, so the 归集 quality figures can be filtered by catalog item
-- without scanning the quarantine (rejected_daily has no catalog column). Same lines as rejected_daily: error_code ''
-- is the per-row line (rows as received), other lines count rows per error code (a row may carry several codes).
-- The catalog item of a rejected row: XK for licenses, CF for penalties, the row's catalogCode for records (when the
-- row was sent as JSON/NDJSON; a CSV line or unparsable text gives ''), '' for the other streams.
-- server/metrics/ingestion/catalogOfRejected.ts holds the same expression for the drill-down to the rows.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS rejected_catalog_daily {{on_cluster}}
(
    district_code  LowCardinality(String),
    unit_code      LowCardinality(String),
    stream         LowCardinality(String),
    catalog_code   LowCardinality(String),
    day            Date,
    error_code     LowCardinality(String),   -- '' in the per-row line, the code in per-code lines
    rejected_rows  UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYear(day)
ORDER BY (district_code, unit_code, stream, catalog_code, day, error_code);

-- Backfill what the quarantine already holds, once: only while the rollup is still empty, so re-running this file
-- after an interruption cannot count a row twice. Runs before the view exists (migrations run before the app serves).
INSERT INTO rejected_catalog_daily
SELECT district_code, unit_code, stream,
       multiIf(stream = 'licenses', 'XK', stream = 'penalties', 'CF',
               stream = 'records', left(JSONExtractString(raw, 'catalogCode'), 40), '') AS catalog_code,
       toDate(received_at) AS day, code AS error_code, count() AS rejected_rows
FROM rejected_rows
ARRAY JOIN arrayConcat([''], arrayDistinct(error_codes)) AS code
WHERE (SELECT count() FROM rejected_catalog_daily) = 0
GROUP BY district_code, unit_code, stream, catalog_code, day, error_code;

CREATE MATERIALIZED VIEW IF NOT EXISTS rejected_catalog_daily_mv {{on_cluster}} TO rejected_catalog_daily AS
SELECT district_code, unit_code, stream,
       multiIf(stream = 'licenses', 'XK', stream = 'penalties', 'CF',
               stream = 'records', left(JSONExtractString(raw, 'catalogCode'), 40), '') AS catalog_code,
       toDate(received_at) AS day, code AS error_code, count() AS rejected_rows
FROM rejected_rows
ARRAY JOIN arrayConcat([''], arrayDistinct(error_codes)) AS code
GROUP BY district_code, unit_code, stream, catalog_code, day, error_code;
