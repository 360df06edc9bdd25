-- Paper accounts (one per Telegram user), their positions and the ledger of every balance change.
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.

CREATE TABLE account (
    user_id               BIGINT         NOT NULL PRIMARY KEY,
    display_name          VARCHAR(128)   NOT NULL,
    wallet_balance        NUMERIC(38, 18) NOT NULL,
    next_position_number  INTEGER        NOT NULL,
    created_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version               BIGINT         NOT NULL
);

CREATE SEQUENCE paper_position_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE paper_position (
    id               BIGINT          NOT NULL PRIMARY KEY,
    user_id          BIGINT          NOT NULL REFERENCES account (user_id),
    number           INTEGER         NOT NULL,
    symbol           VARCHAR(32)     NOT NULL,
    side             VARCHAR(8)      NOT NULL,
    margin_mode      VARCHAR(8)      NOT NULL,
    quantity         NUMERIC(38, 18) NOT NULL,
    entry_price      NUMERIC(38, 18) NOT NULL,
    leverage         INTEGER         NOT NULL,
    isolated_margin  NUMERIC(38, 18),
    status           VARCHAR(16)     NOT NULL,
    realized_pnl     NUMERIC(38, 18) NOT NULL,
    opened_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    closed_at        TIMESTAMP(6) WITH TIME ZONE,
    version          BIGINT          NOT NULL,
    CONSTRAINT paper_position_number_unique UNIQUE (user_id, number)
);

CREATE INDEX paper_position_open ON paper_position (status, user_id);

CREATE SEQUENCE account_ledger_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE account_ledger (
    id           BIGINT          NOT NULL PRIMARY KEY,
    user_id      BIGINT          NOT NULL REFERENCES account (user_id),
    kind         VARCHAR(24)     NOT NULL,
    amount       NUMERIC(38, 18) NOT NULL,
    position_id  BIGINT,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX account_ledger_user ON account_ledger (user_id, created_at);
