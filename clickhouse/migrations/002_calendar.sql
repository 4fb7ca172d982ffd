-- Working-day calendar (design.md §5). Rebuilt whole from the chinese-days package plus admin overrides whenever
-- either changes, so workday_no (running count of working days up to and including the date) stays consistent.
-- known = 0 marks dates outside the years the package knows and not overridden: Mon–Fri is assumed there and
-- every figure that touches such a date must carry a warning.
CREATE TABLE IF NOT EXISTS calendar_days {{on_cluster}}
(
    date          Date,
    is_workday    UInt8,
    workday_no    UInt32,
    known         UInt8,
    source        LowCardinality(String),   -- package, override, weekday_rule
    holiday_name  String,
    built_at      DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(built_at)
ORDER BY date;

CREATE TABLE IF NOT EXISTS calendar_overrides {{on_cluster}}
(
    date        Date,
    is_workday  UInt8,
    note        String,
    created_by  String,
    created_at  DateTime64(3, 'Asia/Shanghai') DEFAULT now64(3),
    deleted     UInt8 DEFAULT 0
)
ENGINE = ReplacingMergeTree(created_at)
ORDER BY date;

-- Per-row working-day arithmetic without scanning the calendar: two in-memory dictionaries.
-- addWorkdays(d, n) = workday_by_number[calendar_by_date[d].workday_no + n]
-- workdaysBetween(a, b) = calendar_by_date[b].workday_no - calendar_by_date[a].workday_no
CREATE DICTIONARY IF NOT EXISTS calendar_by_date {{on_cluster}}
(
    date        Date,
    is_workday  UInt8,
    workday_no  UInt32,
    known       UInt8
)
PRIMARY KEY date
SOURCE(CLICKHOUSE(QUERY 'SELECT date, is_workday, workday_no, known FROM {{db}}.calendar_days FINAL' {{dict_credentials}}))
LIFETIME(MIN 0 MAX 0)
LAYOUT(HASHED());

CREATE DICTIONARY IF NOT EXISTS workday_by_number {{on_cluster}}
(
    workday_no  UInt64,
    date        Date,
    known       UInt8
)
PRIMARY KEY workday_no
SOURCE(CLICKHOUSE(QUERY 'SELECT toUInt64(workday_no), date, known FROM {{db}}.calendar_days FINAL WHERE is_workday = 1' {{dict_credentials}}))
LIFETIME(MIN 0 MAX 0)
LAYOUT(HASHED());
