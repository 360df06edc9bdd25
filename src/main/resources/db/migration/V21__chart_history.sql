-- Insights: compact history for charts. One mark per held symbol per minute, one sample of each cross pool
-- every few minutes; both pruned after sentinel.insights.history-retention (24 h by default).
-- Portable SQL: H2 2.x and PostgreSQL 15.

CREATE TABLE mark_sample (
    symbol      VARCHAR(32)                 NOT NULL,
    sampled_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    mark_price  NUMERIC(38, 18)             NOT NULL,
    CONSTRAINT mark_sample_pk PRIMARY KEY (symbol, sampled_at)
);
CREATE INDEX mark_sample_at ON mark_sample (sampled_at);

CREATE TABLE pool_sample (
    user_id             BIGINT                      NOT NULL,
    sampled_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    margin_balance      NUMERIC(38, 8)              NOT NULL,
    maintenance_margin  NUMERIC(38, 8)              NOT NULL,
    CONSTRAINT pool_sample_pk PRIMARY KEY (user_id, sampled_at)
);
CREATE INDEX pool_sample_at ON pool_sample (sampled_at);
