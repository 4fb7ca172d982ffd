-- Ingestion (design.md §4). Every stream table is a ReplacingMergeTree ordered by exactly its key (scope columns that
-- are functions of the key may lead): a resend of the same key replaces the earlier version (latest received_at
-- wins) and counting is by distinct key. No partitioning, so a correction always collapses onto its original.
-- first_received_at is the earliest accepted receipt of the key, carried on every version: timeliness uses it.
-- Natural persons: subject_code holds only the masked ID (first 6, last 4); subject_hash is the keyed hash.

CREATE TABLE IF NOT EXISTS ingest_batches {{on_cluster}}
(
    batch_id         UUID,
    stream           LowCardinality(String),
    unit_code        LowCardinality(String),
    district_code    LowCardinality(String),
    token_id         String,
    idempotency_key  String,
    content_type     LowCardinality(String),
    received_at      DateTime64(3, 'Asia/Shanghai'),
    rows_total       UInt32,
    accepted         UInt32,
    rejected         UInt32,
    status           LowCardinality(String),   -- stored, failed
    response         String,                   -- the first answer, replayed for an Idempotency-Key retry
    finished_at      DateTime64(3, 'Asia/Shanghai'),
    INDEX idx_idempotency idempotency_key TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree(finished_at)
ORDER BY (unit_code, batch_id);

-- Rejected rows: nothing is lost. raw has natural persons' ID numbers masked before it is stored.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS rejected_rows {{on_cluster}}
(
    batch_id       UUID,
    stream         LowCardinality(String),
    unit_code      LowCardinality(String),
    district_code  LowCardinality(String),
    row_no         UInt32,
    raw            String,
    error_codes    Array(LowCardinality(String)),
    errors         String,                    -- JSON [{field, code, message}]
    received_at    DateTime64(3, 'Asia/Shanghai')
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (district_code, unit_code, received_at, batch_id, row_no);

-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS records {{on_cluster}}
(
    district_code      LowCardinality(String),
    unit_code          LowCardinality(String),
    catalog_code       LowCardinality(String),
    record_id          String,
    subject_type       LowCardinality(String),
    subject_name       String,
    subject_code       String,
    subject_hash       String,
    occurred_on        Date,
    data               String,
    batch_id           UUID,
    row_no             UInt32,
    received_at        DateTime64(3, 'Asia/Shanghai'),
    first_received_at  DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY (district_code, unit_code, catalog_code, record_id);

-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS licenses {{on_cluster}}
(
    district_code      LowCardinality(String),
    unit_code          LowCardinality(String),
    doc_no             String,
    subject_type       LowCardinality(String),
    subject_name       String,
    subject_code       String,
    subject_hash       String,
    license_name       String,
    license_category   LowCardinality(String),
    decision_date      Date,
    valid_from         Date,
    valid_to           Nullable(Date),
    content            String,
    batch_id           UUID,
    row_no             UInt32,
    received_at        DateTime64(3, 'Asia/Shanghai'),
    first_received_at  DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY (district_code, unit_code, doc_no);

-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS penalties {{on_cluster}}
(
    district_code      LowCardinality(String),
    unit_code          LowCardinality(String),
    doc_no             String,
    subject_type       LowCardinality(String),
    subject_name       String,
    subject_code       String,
    subject_hash       String,
    violation_type     String,
    penalty_types      Array(LowCardinality(String)),
    fine_amount        Nullable(Decimal(18, 2)),
    decision_date      Date,
    basis              String,
    content            String,
    batch_id           UUID,
    row_no             UInt32,
    received_at        DateTime64(3, 'Asia/Shanghai'),
    first_received_at  DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY (district_code, unit_code, doc_no);

-- The register of decisions that must be published: what makes "missing" detectable.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS decisions {{on_cluster}}
(
    district_code      LowCardinality(String),
    unit_code          LowCardinality(String),
    kind               LowCardinality(String),   -- license or penalty
    doc_no             String,
    decision_date      Date,
    subject_name       String,
    subject_code       String,
    batch_id           UUID,
    row_no             UInt32,
    received_at        DateTime64(3, 'Asia/Shanghai'),
    first_received_at  DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY (district_code, unit_code, kind, doc_no);

-- Joint reward/sanction pushes, sent by the initiating unit (unit_code); keyed by case, measure and responding unit.
-- @shard_by cityHash64(responding_unit)
CREATE TABLE IF NOT EXISTS sanctions {{on_cluster}}
(
    responding_district_code  LowCardinality(String),
    responding_unit           LowCardinality(String),
    case_id                   String,
    measure_code              LowCardinality(String),
    unit_code                 LowCardinality(String),
    district_code             LowCardinality(String),
    kind                      LowCardinality(String),  -- punishment or reward
    list_type                 LowCardinality(String),
    subject_type              LowCardinality(String),
    subject_name              String,
    subject_code              String,
    subject_hash              String,
    batch_id                  UUID,
    row_no                    UInt32,
    received_at               DateTime64(3, 'Asia/Shanghai'),
    first_received_at         DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY (responding_district_code, responding_unit, case_id, measure_code);

-- Feedback on a push, sent by the responding unit (unit_code = the token's unit).
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS feedback {{on_cluster}}
(
    district_code      LowCardinality(String),
    unit_code          LowCardinality(String),
    case_id            String,
    measure_code       LowCardinality(String),
    result             LowCardinality(String),   -- executed or not_applicable
    note               String,
    batch_id           UUID,
    row_no             UInt32,
    received_at        DateTime64(3, 'Asia/Shanghai'),
    first_received_at  DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(received_at)
ORDER BY (district_code, unit_code, case_id, measure_code);
