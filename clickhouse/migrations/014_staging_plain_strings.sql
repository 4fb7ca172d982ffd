-- Staging tables hold a batch only until it is committed (server/ingest/ingestBatch.ts), and their rows are written
-- once and read once. LowCardinality columns there cost more to fill from the insert body (each value through a
-- dictionary, one row at a time: ~40 % of the staging insert of a record batch) than the commit's one conversion of
-- whole blocks into the stream tables' LowCardinality columns. Plain strings here; the stream tables are unchanged.
ALTER TABLE staging_records {{on_cluster}}
    MODIFY COLUMN district_code String,
    MODIFY COLUMN unit_code String,
    MODIFY COLUMN catalog_code String,
    MODIFY COLUMN subject_type String;
ALTER TABLE staging_licenses {{on_cluster}}
    MODIFY COLUMN district_code String,
    MODIFY COLUMN unit_code String,
    MODIFY COLUMN subject_type String,
    MODIFY COLUMN license_category String;
ALTER TABLE staging_penalties {{on_cluster}}
    MODIFY COLUMN district_code String,
    MODIFY COLUMN unit_code String,
    MODIFY COLUMN subject_type String,
    MODIFY COLUMN penalty_types Array(String);
ALTER TABLE staging_decisions {{on_cluster}}
    MODIFY COLUMN district_code String,
    MODIFY COLUMN unit_code String,
    MODIFY COLUMN kind String;
ALTER TABLE staging_sanctions {{on_cluster}}
    MODIFY COLUMN responding_district_code String,
    MODIFY COLUMN responding_unit String,
    MODIFY COLUMN measure_code String,
    MODIFY COLUMN unit_code String,
    MODIFY COLUMN district_code String,
    MODIFY COLUMN kind String,
    MODIFY COLUMN list_type String,
    MODIFY COLUMN subject_type String;
ALTER TABLE staging_feedback {{on_cluster}}
    MODIFY COLUMN district_code String,
    MODIFY COLUMN unit_code String,
    MODIFY COLUMN measure_code String,
    MODIFY COLUMN result String;
ALTER TABLE staging_rejected {{on_cluster}}
    MODIFY COLUMN stream String,
    MODIFY COLUMN unit_code String,
    MODIFY COLUMN district_code String,
    MODIFY COLUMN error_codes Array(String);
