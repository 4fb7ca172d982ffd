-- Versions of the data every cached figure depends on (issue 20.1). Each change appends one row per kind it touches
-- (a stream's commit, a backfill, a calendar rebuild, a reference reload, a scheme or manual score, a notice); a
-- kind's version is its row count, which only grows, read by every app instance from here: no process keeps a
-- counter of its own, so an instance sees the changes of every other at its next read.
CREATE TABLE IF NOT EXISTS data_versions {{on_cluster}}
(
    kind        LowCardinality(String),
    changed_at  DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3)
)
ENGINE = MergeTree
ORDER BY (kind, changed_at);
