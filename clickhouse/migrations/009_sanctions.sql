-- Joint rewards and sanctions (联合奖惩, design.md §5): one row per push (responding unit, case, measure) joining the
-- push (from `sanctions`, sent by the initiating unit) and its answer (from `feedback`, sent by the responding unit),
-- maintained by two materialized views. Every column merges idempotently (max/min), so resends, corrections and
-- duplicate inserts never change a push; the earliest receipts are the pushed and answered times.
--   push_version / answer_version  max((received_at, …)): the latest version's attributes (kind, result, …);
--   first_pushed_at / first_answered_at  min(first_received_at): pushed date and answer date never move on a resend.
-- The deadline (addWorkdays(pushed date, measure feedback days)) and the status as of a date are computed at query
-- time through the calendar dictionaries, with the same mechanism as double publicity (server/metrics/publicity/timeliness.ts).

-- @shard_by cityHash64(responding_unit)
CREATE TABLE IF NOT EXISTS sanction_pushes {{on_cluster}}
(
    responding_district_code  LowCardinality(String),
    responding_unit           LowCardinality(String),
    case_id                   String,
    measure_code              LowCardinality(String),
    pushed                    SimpleAggregateFunction(max, UInt8),
    push_version              SimpleAggregateFunction(max, Tuple(received_at DateTime64(3, 'Asia/Shanghai'), kind String, list_type String, unit_code String, district_code String, subject_type String, subject_name String, subject_code String)),
    first_pushed_at           SimpleAggregateFunction(min, Nullable(DateTime64(3, 'Asia/Shanghai'))),
    answered                  SimpleAggregateFunction(max, UInt8),
    answer_version            SimpleAggregateFunction(max, Tuple(received_at DateTime64(3, 'Asia/Shanghai'), result String, note String)),
    first_answered_at         SimpleAggregateFunction(min, Nullable(DateTime64(3, 'Asia/Shanghai')))
)
ENGINE = AggregatingMergeTree
ORDER BY (responding_district_code, responding_unit, case_id, measure_code);

CREATE MATERIALIZED VIEW IF NOT EXISTS sanction_pushes_push_mv {{on_cluster}} TO sanction_pushes AS
SELECT responding_district_code, responding_unit, case_id, measure_code,
       toUInt8(1) AS pushed,
       tuple(received_at, kind, list_type, unit_code, district_code, subject_type, subject_name, subject_code) AS push_version,
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_pushed_at,
       toUInt8(0) AS answered,
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), '', '') AS answer_version,
       CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_answered_at
FROM sanctions;

CREATE MATERIALIZED VIEW IF NOT EXISTS sanction_pushes_answer_mv {{on_cluster}} TO sanction_pushes AS
SELECT district_code AS responding_district_code, unit_code AS responding_unit, case_id, measure_code,
       toUInt8(0) AS pushed,
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), '', '', '', '', '', '', '') AS push_version,
       CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_pushed_at,
       toUInt8(1) AS answered,
       tuple(received_at, result, note) AS answer_version,
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))) AS first_answered_at
FROM feedback;

-- Backfill a store created before this migration; overlap with the views is harmless (max/min are idempotent).
INSERT INTO sanction_pushes
SELECT responding_district_code, responding_unit, case_id, measure_code, toUInt8(1),
       tuple(received_at, kind, list_type, unit_code, district_code, subject_type, subject_name, subject_code),
       CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai'))), toUInt8(0),
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), '', ''), CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai')))
FROM sanctions;

INSERT INTO sanction_pushes
SELECT district_code, unit_code, case_id, measure_code, toUInt8(0),
       tuple(toDateTime64(0, 3, 'Asia/Shanghai'), '', '', '', '', '', '', ''), CAST(NULL AS Nullable(DateTime64(3, 'Asia/Shanghai'))),
       toUInt8(1), tuple(received_at, result, note), CAST(first_received_at AS Nullable(DateTime64(3, 'Asia/Shanghai')))
FROM feedback;
