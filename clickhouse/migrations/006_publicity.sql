-- Double publicity (双公示, design.md §5). Two precomputed levels so the dashboards never scan the raw streams:
--
-- 1. publicity_decisions: one row per decision (district, unit, kind, doc_no) = the due set, i.e. the `decisions`
--    register ∪ the published `licenses`/`penalties`, maintained by three materialized views. Every column is a
--    SimpleAggregateFunction whose merge is idempotent (max/min), so a corrected resend, a duplicate insert or the
--    backfill below overlapping the views never changes a decision:
--      register_version / publication_version  max((received_at, decision_date)): the latest version's decision date;
--      first_published_at                      min(first_received_at) of the publication: the publication date never
--                                              moves with a corrected resend;
--      inserts                                 sum(1): rows ever received for the unit. With the aggregate projection
--                                              unit_versions it is the per-unit data version that tells the cube below
--                                              whether it is current (merge-invariant, and committed in the same part
--                                              as the data it counts).
--    Not partitioned: a key's versions must stay in one partition to collapse.
-- 2. publicity_cube: per (unit, kind, decision date) the deadline and calendar flag computed once through the calendar
--    dictionaries, the status counts and the publications (date, delay in working days, count). Rebuilt per
--    unit by the application (server/metrics/publicity/cube.ts) from publicity_decisions whenever the unit's data
--    version or the calendar changed; publicity_cube_builds records which build of a unit is current. Queries read the
--    current cells of clean units and compute dirty units live from publicity_decisions, so figures are always exact.
--    publicity_exceptions keeps, per build, the decisions not published on time (the item lists inspectors use most).

-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS publicity_decisions {{on_cluster}}
(
    district_code        LowCardinality(String),
    unit_code            LowCardinality(String),
    kind                 LowCardinality(String),   -- license or penalty
    doc_no               String,
    registered           SimpleAggregateFunction(max, UInt8),
    register_version     SimpleAggregateFunction(max, Tuple(received_at DateTime64(3, 'Asia/Shanghai'), decision_date Date)),
    first_registered_at  SimpleAggregateFunction(min, Nullable(DateTime64(3, 'Asia/Shanghai'))),
    published            SimpleAggregateFunction(max, UInt8),
    publication_version  SimpleAggregateFunction(max, Tuple(received_at DateTime64(3, 'Asia/Shanghai'), decision_date Date)),
    first_published_at   SimpleAggregateFunction(min, Nullable(DateTime64(3, 'Asia/Shanghai'))),
    inserts              SimpleAggregateFunction(sum, UInt64),
    PROJECTION unit_versions (SELECT district_code, unit_code, sum(inserts) GROUP BY district_code, unit_code)
)
ENGINE = AggregatingMergeTree
ORDER BY (district_code, unit_code, kind, doc_no)
SETTINGS deduplicate_merge_projection_mode = 'rebuild';

CREATE MATERIALIZED VIEW IF NOT EXISTS publicity_decisions_register_mv {{on_cluster}} TO publicity_decisions AS
SELECT district_code, unit_code, kind, doc_no,
       toUInt8(1) AS registered,
       tuple(received_at, decision_date) AS register_version,
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_registered_at,
       toUInt8(0) AS published,
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), toDate(0)) AS publication_version,
       CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_published_at,
       toUInt64(1) AS inserts
FROM decisions;

CREATE MATERIALIZED VIEW IF NOT EXISTS publicity_decisions_licenses_mv {{on_cluster}} TO publicity_decisions AS
SELECT district_code, unit_code, 'license' AS kind, doc_no,
       toUInt8(0) AS registered,
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), toDate(0)) AS register_version,
       CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_registered_at,
       toUInt8(1) AS published,
       tuple(received_at, decision_date) AS publication_version,
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_published_at,
       toUInt64(1) AS inserts
FROM licenses;

CREATE MATERIALIZED VIEW IF NOT EXISTS publicity_decisions_penalties_mv {{on_cluster}} TO publicity_decisions AS
SELECT district_code, unit_code, 'penalty' AS kind, doc_no,
       toUInt8(0) AS registered,
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), toDate(0)) AS register_version,
       CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_registered_at,
       toUInt8(1) AS published,
       tuple(received_at, decision_date) AS publication_version,
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_published_at,
       toUInt64(1) AS inserts
FROM penalties;

-- Backfill what the streams already hold (a store created before this migration). Overlap with the views is harmless:
-- max/min are idempotent and `inserts` is only a version counter.
INSERT INTO publicity_decisions
SELECT district_code, unit_code, kind, doc_no, toUInt8(1), tuple(received_at, decision_date),
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))), toUInt8(0),
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), toDate(0)), CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))), toUInt64(1)
FROM decisions;

INSERT INTO publicity_decisions
SELECT district_code, unit_code, 'license', doc_no, toUInt8(0), tuple(toDateTime64(0, 3, 'Asia/Shanghai'), toDate(0)),
       CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))), toUInt8(1), tuple(received_at, decision_date),
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))), toUInt64(1)
FROM licenses;

INSERT INTO publicity_decisions
SELECT district_code, unit_code, 'penalty', doc_no, toUInt8(0), tuple(toDateTime64(0, 3, 'Asia/Shanghai'), toDate(0)),
       CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))), toUInt8(1), tuple(received_at, decision_date),
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))), toUInt64(1)
FROM penalties;

-- One row per (unit, kind, decision date) of one build of the unit: the deadline and the counts as they stand once
-- every publication received so far is counted (on time, late, unpublished), plus the publications themselves
-- (date, delay in working days, count) so that a report as of an earlier date can take back those received after it.
-- Rows of superseded builds are ignored by every query and deleted later.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS publicity_cube {{on_cluster}}
(
    unit_code         LowCardinality(String),
    build_seq         UInt64,
    district_code     LowCardinality(String),
    kind              LowCardinality(String),
    decision_date     Date,
    deadline          Date,
    known             UInt8,          -- 0 when a date behind the row is outside the years the calendar knows
    on_time           UInt64,
    late              UInt64,
    unpublished       UInt64,
    delay_sum         Int64,          -- working days, over published decisions
    last_publication  Date,           -- 1970-01-01 when nothing is published
    pub_dates         Array(Date),
    pub_delays        Array(Int32),
    pub_counts        Array(UInt64)
)
ENGINE = MergeTree
ORDER BY (unit_code, build_seq, kind, decision_date);

-- The exceptions of one build of one unit: every decision not published on time once every publication so far is
-- counted (late, or not published), with the same computed columns. The lists inspectors look at most (overdue,
-- late, due soon) read this small table instead of computing every decision of publicity_decisions.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS publicity_exceptions {{on_cluster}}
(
    district_code     LowCardinality(String),
    unit_code         LowCardinality(String),
    kind              LowCardinality(String),
    doc_no            String,
    build_seq         UInt64,
    decision_date     Date,
    deadline          Date,
    registered        UInt8,
    published         UInt8,
    publication_date  Date,
    delay             Int32,
    known             UInt8
)
ENGINE = MergeTree
ORDER BY (district_code, unit_code, kind, doc_no, build_seq);

-- One row per finished build: the unit's data version and the calendar it was computed with.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS publicity_cube_builds {{on_cluster}}
(
    unit_code      LowCardinality(String),
    build_seq      UInt64,
    data_version   UInt64,
    calendar_hash  UInt64,
    cells          UInt64,
    built_at       DateTime64(3, 'Asia/Shanghai')
)
ENGINE = MergeTree
ORDER BY (unit_code, build_seq);
