-- Watched Hyperliquid accounts (issue 13): coins whose mark was seen at or past the liquidation price since the
-- account's last answer, so a restart between that sighting and the answer without the position still reports a
-- liquidation, not a close. Deleted with the account. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE watched_liquidation_sighting (
    account_id  BIGINT      NOT NULL REFERENCES watched_account (id) ON DELETE CASCADE,
    coin        VARCHAR(64) NOT NULL,
    CONSTRAINT watched_liquidation_sighting_pk PRIMARY KEY (account_id, coin)
);
