-- Joint sanctions (联合奖惩) at scale: the dashboards read three precomputed levels built by the application
-- (server/metrics/sanctions/cube.ts) with the versioned-build mechanism of the double-publicity cube
-- (server/metrics/cubeBuilds.ts), so every figure stays exact whatever their state: the current build of a clean unit
-- is read, a dirty unit is computed live from sanction_pushes, and a refresh only makes the next answer faster.
--
-- 1. Data versions in sanction_pushes. The two views of 009 do not name these columns, so every row they write takes
--    the default: `inserts` = 1 (every push or answer row ever received), `push_inserts` = `pushed` (1 for a push
--    row, 0 for an answer row). Both merge by sum, so per responding unit they only grow and are merge-invariant, and
--    they are committed in the same part as the data they count. Rows stored before this migration read the same
--    defaults (1, and 1 once their push arrived): a fixed starting point. The projection answers the per-unit sums
--    without reading the rows.
ALTER TABLE sanction_pushes {{on_cluster}} ADD COLUMN IF NOT EXISTS inserts SimpleAggregateFunction(sum, UInt64) DEFAULT 1;
ALTER TABLE sanction_pushes {{on_cluster}} ADD COLUMN IF NOT EXISTS push_inserts SimpleAggregateFunction(sum, UInt64) DEFAULT toUInt64(pushed);
ALTER TABLE sanction_pushes {{on_cluster}} MODIFY SETTING deduplicate_merge_projection_mode = 'rebuild';
ALTER TABLE sanction_pushes {{on_cluster}} ADD PROJECTION IF NOT EXISTS unit_versions
    (SELECT responding_district_code, responding_unit, sum(inserts), sum(push_inserts) GROUP BY responding_district_code, responding_unit);
ALTER TABLE sanction_pushes {{on_cluster}} MATERIALIZE PROJECTION unit_versions;

-- 2. sanction_items: per build of a responding unit, one row per push with its calendar half computed once (due date,
--    calendar flag) and its latest attributes and answer: the columns of pushRowsSql (server/metrics/sanctions/pushes.ts),
--    under the same names, so that the status as of asOf and the item scope are the same SQL on both. Sorted like the
--    item lists page (pushed day, case, measure, responding unit), so a page reads a few granules in order; the case
--    page finds its pushes through the bloom filter.
-- @shard_by cityHash64(respondingUnit)
CREATE TABLE IF NOT EXISTS sanction_items {{on_cluster}}
(
    build_seq           UInt64,
    respondingDistrict  LowCardinality(String),
    respondingUnit      LowCardinality(String),
    caseId              String,
    measureCode         LowCardinality(String),
    kind                LowCardinality(String),
    listType            LowCardinality(String),
    initiatingUnit      LowCardinality(String),
    initiatingDistrict  LowCardinality(String),
    subjectType         LowCardinality(String),
    subjectName         String,
    subjectCode         String,                   -- masked for natural persons at ingestion
    pushedDate          Date,
    feedbackDays        UInt32,
    dueDate             Date,
    calendarKnown       UInt8,
    answered            UInt8,
    answeredDate        Nullable(Date),
    result              LowCardinality(String),
    note                String,
    INDEX case_ids caseId TYPE bloom_filter GRANULARITY 1
)
ENGINE = MergeTree
ORDER BY (pushedDate, caseId, measureCode, respondingUnit);

-- 3. sanction_cube: per build of a responding unit, one row per (district, measure, kind, list type, pushed day): the due
--    date and calendar flag computed once, the counts once every answer received so far is counted, and the answers
--    by answer day (count, of which executed) so that a report as of an earlier date can take back those received
--    after it. ~10^5 rows at 100 M stream rows. Rows of superseded builds are ignored by every query and deleted later.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS sanction_cube {{on_cluster}}
(
    unit_code         LowCardinality(String),   -- the responding unit
    build_seq         UInt64,
    district_code     LowCardinality(String),   -- the responding district, as carried by the pushes
    measure_code      LowCardinality(String),
    kind              LowCardinality(String),
    list_type         LowCardinality(String),
    pushed_date       Date,
    due_date          Date,
    known             UInt8,                    -- 0 when a date behind a push of the row is outside the known years
    pushes            UInt64,
    answered          UInt64,                   -- answered at all (by now)
    on_time           UInt64,                   -- answered on or before the due date
    executed          UInt64,                   -- answered, and the latest answer says executed
    last_answer       Date,                     -- 1970-01-01 when nothing is answered
    answer_dates      Array(Date),
    answer_counts     Array(UInt64),
    answer_executed   Array(UInt64)
)
ENGINE = MergeTree
ORDER BY (unit_code, build_seq, measure_code, pushed_date);

-- 4. sanction_cases: one row per case of a build (every responding unit at once), with its pushes' dimensions side by
--    side, so that the funnel's "initiated cases" (distinct cases among the pushes a filter selects) is a count of
--    rows instead of a distinct count over every push. Built for all units together because a case spans responding
--    units; the build records each unit's push version (push_inserts), and the pushes of units whose version moved
--    since are left out at query time and counted live.
-- @shard_by cityHash64(case_id)
CREATE TABLE IF NOT EXISTS sanction_cases {{on_cluster}}
(
    build_seq         UInt64,
    case_id           String,
    first_pushed      Date,
    last_pushed       Date,
    pushed_dates      Array(Date),
    districts         Array(LowCardinality(String)),
    units             Array(LowCardinality(String)),
    measures          Array(LowCardinality(String)),
    kinds             Array(LowCardinality(String)),
    list_types        Array(LowCardinality(String))
)
ENGINE = MergeTree
ORDER BY (build_seq, first_pushed, case_id);

-- One row per unit and finished build: of sanction_items with sanction_cube, and of sanction_cases. The unit's data
-- version and the inputs (calendar and measure feedback days) the build was computed with.
-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS sanction_cube_builds {{on_cluster}}
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

-- @shard_by cityHash64(unit_code)
CREATE TABLE IF NOT EXISTS sanction_cases_builds {{on_cluster}}
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
