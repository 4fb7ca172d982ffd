-- Dates before 1970 are real (issue 13.2): a record of an old enterprise carries its registration in the 1950s, a licence
-- may have been valid from then. A Date column clamps them to 1970-01-01, so these columns become Date32
-- (1900-01-01 .. 2299-12-31); validation (server/ingest/validate.ts FIELD_RANGES) refuses a date outside its column's
-- range instead of letting ClickHouse change it. Decision dates stay Date: the working-day calendar, the double-publicity
-- cubes and every deadline are computed on Dates (validation refuses a decision date before 1970-01-01).
-- Nothing reads these columns in a view or a date comparison; the staging tables copy the stream tables' types so the
-- commit's INSERT … SELECT converts nothing.
ALTER TABLE records {{on_cluster}} MODIFY COLUMN occurred_on Date32;
ALTER TABLE staging_records {{on_cluster}} MODIFY COLUMN occurred_on Date32;
ALTER TABLE licenses {{on_cluster}}
    MODIFY COLUMN valid_from Date32,
    MODIFY COLUMN valid_to Nullable(Date32);
ALTER TABLE staging_licenses {{on_cluster}}
    MODIFY COLUMN valid_from Date32,
    MODIFY COLUMN valid_to Nullable(Date32);
