-- Assessment (考核, design.md §5): the scoring schemes, versioned, and the office's manual scores.
-- A scheme version is an immutable document: per level, a version number, the month it applies from and its
-- indicators (JSON validated by server/assessment/scheme.ts). Editing a scheme inserts a new version; the version in
-- force for a month is the latest effective_from ≤ that month. Version 1 of each level is the default scheme
-- (server/assessment/defaultSchemes.ts), written at start when a level has none.
CREATE TABLE IF NOT EXISTS assessment_schemes {{on_cluster}}
(
    level           LowCardinality(String),   -- district, unit
    version         UInt32,
    effective_from  String,                   -- 'YYYY-MM'
    name            String,
    note            String,
    indicators      String,                   -- JSON array of indicators
    created_by      String,
    created_at      DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(created_at)
ORDER BY (level, version);

-- Manual indicator scores (e.g. 信用宣传与承诺), append-only: every entry is kept with its reason, who and when; the
-- latest entry per (level, period, indicator, entity) is the one that counts.
CREATE TABLE IF NOT EXISTS assessment_manual_scores {{on_cluster}}
(
    level           LowCardinality(String),
    period          String,                   -- 'YYYY-MM'
    indicator_code  LowCardinality(String),
    entity_code     LowCardinality(String),
    score           Float64,
    reason          String,
    entered_by      String,
    entered_at      DateTime64(3, 'Asia/Shanghai')
)
ENGINE = MergeTree
ORDER BY (level, period, indicator_code, entity_code, entered_at);
