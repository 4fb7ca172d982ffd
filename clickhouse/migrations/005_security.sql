-- Users, API tokens and the audit log (design.md §1, §6). Secrets are stored only as hashes.
CREATE TABLE IF NOT EXISTS users {{on_cluster}}
(
    id             UUID,
    email          String,
    name           String,
    password_hash  String,
    role           LowCardinality(String),   -- admin, leader, inspector, district, unit
    district_code  LowCardinality(String),
    unit_code      LowCardinality(String),
    disabled       Bool,
    source         LowCardinality(String),   -- demo, init, admin, api
    created_at     DateTime64(3, 'Asia/Shanghai'),
    updated_at     DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY id;

CREATE TABLE IF NOT EXISTS api_tokens {{on_cluster}}
(
    id            UUID,
    name          String,
    unit_code     LowCardinality(String),
    scopes        Array(LowCardinality(String)),  -- ingest, read, backfill, admin
    token_hash    String,
    token_prefix  String,
    created_by    String,
    created_at    DateTime64(3, 'Asia/Shanghai'),
    revoked_at    Nullable(DateTime64(3, 'Asia/Shanghai')),
    updated_at    DateTime64(3, 'Asia/Shanghai')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY id;

CREATE TABLE IF NOT EXISTS api_token_usage {{on_cluster}}
(
    token_id      UUID,
    last_used_at  SimpleAggregateFunction(max, DateTime64(3, 'Asia/Shanghai')),
    uses          SimpleAggregateFunction(sum, UInt64)
)
ENGINE = AggregatingMergeTree
ORDER BY token_id;

CREATE TABLE IF NOT EXISTS audit_log {{on_cluster}}
(
    at          DateTime64(3, 'Asia/Shanghai'),
    request_id  String,
    actor_id    String,
    actor       String,                   -- email or token name
    role        LowCardinality(String),
    action      LowCardinality(String),   -- sign_in, sign_in_failed, drill_down, export, admin_change, ...
    target      String,
    filters     String,                   -- JSON of the filters in force
    row_count   UInt64,
    ip          String,
    detail      String
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(at)
ORDER BY (action, at);

-- Bookkeeping of what was loaded, so `npm start` seeds only an empty store.
CREATE TABLE IF NOT EXISTS seed_runs {{on_cluster}}
(
    run_at       DateTime64(3, 'Asia/Shanghai'),
    kind         LowCardinality(String),    -- reference, demo
    seed         Int64,
    scale        Float64,
    rows         UInt64,
    seconds      Float64,
    today        Date
)
ENGINE = MergeTree
ORDER BY run_at;
