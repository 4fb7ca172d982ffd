-- Inspection (督查): supervision notices (督办通知单) to units and their life as append-only events.
--   notices        one row per notice, written once when it is issued (number, unit, dates, who issued it, the view);
--   notice_items   the problems a notice lists, as they stood on the issue date (deadline, working days overdue);
--   notice_events  issued → acknowledged (by the unit) → rectified (per item, when the data shows it, with the date
--                  the data shows) → closed (every item rectified). Nothing is ever updated or deleted: a status is
--                  read from the events, the first event of a kind (per item) being the one that counts.
-- Small tables (notices are written by people): plain MergeTree.

CREATE TABLE IF NOT EXISTS notices {{on_cluster}}
(
    notice_id       UUID,
    year            UInt16,
    seq             UInt32,
    number          String,                    -- 督办〔2026〕第N号
    unit_code       LowCardinality(String),
    district_code   LowCardinality(String),
    issued_on       Date,
    reply_workdays  UInt16,
    reply_deadline  Date,                      -- addWorkdays(issued_on, reply_workdays)
    issued_by_id    String,
    issued_by       String,
    note            String,
    view_filters    String,                    -- JSON: the filters of the view the notice was issued from
    created_at      DateTime64(3, 'Asia/Shanghai')
)
ENGINE = MergeTree
ORDER BY (district_code, unit_code, notice_id);

CREATE TABLE IF NOT EXISTS notice_items {{on_cluster}}
(
    notice_id         UUID,
    item_no           UInt32,
    kind              LowCardinality(String),  -- publicity_overdue, sanction_overdue, missing_submission, rejected_unresent
    item_key          String,                  -- JSON array identifying the problem (server/metrics/inspection/problemKey.ts)
    unit_code         LowCardinality(String),
    district_code     LowCardinality(String),
    subject           String,
    detail            String,
    item_date         Date,
    deadline          Nullable(Date),
    workdays_overdue  Int32,                   -- as of the issue date
    link              String
)
ENGINE = MergeTree
ORDER BY (notice_id, item_no);

CREATE TABLE IF NOT EXISTS notice_events {{on_cluster}}
(
    notice_id  UUID,
    event      LowCardinality(String),         -- issued, acknowledged, rectified, closed
    item_no    UInt32,                         -- the item of a 'rectified' event, 0 otherwise
    on_date    Date,                           -- issued/acknowledged: that day; rectified: the date the data shows; closed: the last rectification
    at         DateTime64(3, 'Asia/Shanghai'), -- when it was recorded
    actor_id   String,
    actor      String,                         -- a user's email, or 'system' for what the data showed
    detail     String
)
ENGINE = MergeTree
ORDER BY (notice_id, event, item_no, at);

-- The key of a rejected row (design.md §4 key fields, trimmed, joined by \x01; '' when unreadable), kept at ingestion
-- for every body format (a CSV row's raw text has no field names), so "not resent yet" can be decided for every row.
ALTER TABLE rejected_rows {{on_cluster}} ADD COLUMN IF NOT EXISTS row_key String DEFAULT '';
ALTER TABLE staging_rejected {{on_cluster}} ADD COLUMN IF NOT EXISTS row_key String DEFAULT '';
