-- Reference data (design.md §3). Small tables, replaced whole on load; latest version of a code wins.
CREATE TABLE IF NOT EXISTS districts {{on_cluster}}
(
    code        LowCardinality(String),
    name        String,
    short_name  String,
    level       LowCardinality(String),   -- 'city' (市本级) or 'district'
    sort        UInt16,
    updated_at  DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY code;

CREATE TABLE IF NOT EXISTS units {{on_cluster}}
(
    code           LowCardinality(String),
    name           String,
    short_name     String,
    level          LowCardinality(String),  -- 'city' or 'district'
    district_code  LowCardinality(String),
    member         Bool,                    -- leadership-group member unit (成员单位)
    kind           LowCardinality(String),  -- market, tax, court, ... (what it provides and answers)
    sort           UInt16,
    updated_at     DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY code;

CREATE TABLE IF NOT EXISTS catalog_items {{on_cluster}}
(
    code            LowCardinality(String),
    name            String,
    category        LowCardinality(String),
    subject_types   Array(LowCardinality(String)),
    frequency       LowCardinality(String),  -- realtime, daily, weekly, monthly, quarterly
    provider_kinds  Array(LowCardinality(String)),
    sort            UInt16,
    updated_at      DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY code;

CREATE TABLE IF NOT EXISTS measures {{on_cluster}}
(
    code             LowCardinality(String),
    name             String,
    kind             LowCardinality(String),  -- punishment or reward
    responding_kind  LowCardinality(String),
    feedback_days    UInt8,                   -- feedback deadline in working days
    sort             UInt16,
    updated_at       DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY code;

-- Annual KPI targets per unit and per district; binding = 约束性, otherwise 预期性.
CREATE TABLE IF NOT EXISTS targets {{on_cluster}}
(
    year        UInt16,
    level       LowCardinality(String),   -- 'unit' or 'district'
    code        LowCardinality(String),
    kpi         LowCardinality(String),   -- ingestion_records, publicity_on_time_rate, sanction_feedback_rate
    target      Float64,
    binding     Bool,
    updated_at  DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3)
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (year, level, code, kpi);

-- Unified social credit codes that fail the GB 32100 check character but were genuinely issued (admin-registered).
CREATE TABLE IF NOT EXISTS known_uscc_exceptions {{on_cluster}}
(
    code        String,
    note        String,
    created_by  String,
    created_at  DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3),
    deleted     UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(created_at)
ORDER BY code;
