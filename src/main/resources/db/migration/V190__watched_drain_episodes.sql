-- Watched Hyperliquid accounts' cross pools (issues 12 and 13): a drain reported and not yet over, with the pool's
-- high it is measured against, so a restart neither repeats the drain warning nor forgets the high. Deleted with the
-- account. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE watched_drain_episode (
    account_id    BIGINT         NOT NULL REFERENCES watched_account (id) ON DELETE CASCADE,
    peak_balance  DECIMAL(38, 8) NOT NULL,
    peak_at       TIMESTAMP      NOT NULL,
    CONSTRAINT watched_drain_episode_pk PRIMARY KEY (account_id)
);
