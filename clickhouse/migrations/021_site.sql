-- The site itself as reference data (issue 18.4): the city's name printed on the 通报 and reports, so the app reads it
-- from ClickHouse like the districts instead of importing the demo seed. Loaded with the reference lists.
CREATE TABLE IF NOT EXISTS site_settings {{on_cluster}}
(
    key         LowCardinality(String),
    value       String,
    updated_at  DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY key;
