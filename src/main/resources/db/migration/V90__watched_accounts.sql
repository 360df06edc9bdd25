-- Watched Hyperliquid accounts (issue 13): a user watches a public address read-only. Runs unchanged on H2 2.x
-- and PostgreSQL 15. last_state: the last good clearinghouseState, as the bot's own JSON (positions, margin
-- summaries), so a restart knows what was open and can tell a liquidation from a close.
-- unavailable_since / outage_told: no usable answer since then; the user was told (once).
CREATE SEQUENCE watched_account_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE watched_account (
    id                 BIGINT                      NOT NULL,
    user_id            BIGINT                      NOT NULL,
    venue              VARCHAR(16)                 NOT NULL,
    address            VARCHAR(42)                 NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_success_at    TIMESTAMP(6) WITH TIME ZONE,
    last_state         VARCHAR(200000)             NOT NULL,
    unavailable_since  TIMESTAMP(6) WITH TIME ZONE,
    outage_told        BOOLEAN                     NOT NULL,
    CONSTRAINT watched_account_pk PRIMARY KEY (id),
    CONSTRAINT watched_account_unique UNIQUE (user_id, venue, address)
);

CREATE INDEX watched_account_user ON watched_account (user_id);
