-- Ingestion staging: a batch's validated rows are written here first and committed to the stream tables by one
-- INSERT … SELECT only when the whole body was read without a request-level error, so a malformed or oversized
-- body writes nothing, and the Node process never holds a whole batch in memory. A crash between staging and
-- commit leaves only staged rows, which nobody reads and which expire; a retry stages and commits again, and the
-- keyed tables converge to one copy. staged_at drives the expiry (received_at may be historical for backfill).
CREATE TABLE IF NOT EXISTS staging_records {{on_cluster}} AS records ENGINE = MergeTree ORDER BY (batch_id, row_no);
ALTER TABLE staging_records {{on_cluster}} ADD COLUMN IF NOT EXISTS staged_at DateTime DEFAULT now();
ALTER TABLE staging_records {{on_cluster}} MODIFY TTL staged_at + INTERVAL 2 DAY;

CREATE TABLE IF NOT EXISTS staging_licenses {{on_cluster}} AS licenses ENGINE = MergeTree ORDER BY (batch_id, row_no);
ALTER TABLE staging_licenses {{on_cluster}} ADD COLUMN IF NOT EXISTS staged_at DateTime DEFAULT now();
ALTER TABLE staging_licenses {{on_cluster}} MODIFY TTL staged_at + INTERVAL 2 DAY;

CREATE TABLE IF NOT EXISTS staging_penalties {{on_cluster}} AS penalties ENGINE = MergeTree ORDER BY (batch_id, row_no);
ALTER TABLE staging_penalties {{on_cluster}} ADD COLUMN IF NOT EXISTS staged_at DateTime DEFAULT now();
ALTER TABLE staging_penalties {{on_cluster}} MODIFY TTL staged_at + INTERVAL 2 DAY;

CREATE TABLE IF NOT EXISTS staging_decisions {{on_cluster}} AS decisions ENGINE = MergeTree ORDER BY (batch_id, row_no);
ALTER TABLE staging_decisions {{on_cluster}} ADD COLUMN IF NOT EXISTS staged_at DateTime DEFAULT now();
ALTER TABLE staging_decisions {{on_cluster}} MODIFY TTL staged_at + INTERVAL 2 DAY;

CREATE TABLE IF NOT EXISTS staging_sanctions {{on_cluster}} AS sanctions ENGINE = MergeTree ORDER BY (batch_id, row_no);
ALTER TABLE staging_sanctions {{on_cluster}} ADD COLUMN IF NOT EXISTS staged_at DateTime DEFAULT now();
ALTER TABLE staging_sanctions {{on_cluster}} MODIFY TTL staged_at + INTERVAL 2 DAY;

CREATE TABLE IF NOT EXISTS staging_feedback {{on_cluster}} AS feedback ENGINE = MergeTree ORDER BY (batch_id, row_no);
ALTER TABLE staging_feedback {{on_cluster}} ADD COLUMN IF NOT EXISTS staged_at DateTime DEFAULT now();
ALTER TABLE staging_feedback {{on_cluster}} MODIFY TTL staged_at + INTERVAL 2 DAY;

CREATE TABLE IF NOT EXISTS staging_rejected {{on_cluster}} AS rejected_rows ENGINE = MergeTree ORDER BY (batch_id, row_no);
ALTER TABLE staging_rejected {{on_cluster}} ADD COLUMN IF NOT EXISTS staged_at DateTime DEFAULT now();
ALTER TABLE staging_rejected {{on_cluster}} MODIFY TTL staged_at + INTERVAL 2 DAY;

-- The answer is sent only once rows are on disk: fsync committed parts of the tables that hold accepted data.
ALTER TABLE records {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;
ALTER TABLE licenses {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;
ALTER TABLE penalties {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;
ALTER TABLE decisions {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;
ALTER TABLE sanctions {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;
ALTER TABLE feedback {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;
ALTER TABLE rejected_rows {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;
ALTER TABLE ingest_batches {{on_cluster}} MODIFY SETTING fsync_after_insert = 1, fsync_part_directory = 1;

-- Idempotency-Key replays compare the body's hash: the same key with a different body is refused.
ALTER TABLE ingest_batches {{on_cluster}} ADD COLUMN IF NOT EXISTS request_hash String DEFAULT '';
