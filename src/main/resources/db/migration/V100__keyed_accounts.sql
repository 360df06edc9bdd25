-- Keyed exchange accounts (issue 14): a user watches a Binance/Bybit/OKX futures account through a read-only API
-- key. Runs unchanged on H2 2.x and PostgreSQL 15. The key (id, secret, passphrase or Ed25519 private half) is
-- stored only sealed: AES-256-GCM under the deployer's master key, base64(IV || ciphertext || tag) in
-- sealed_key, with the master key's fingerprint in key_version (rotation re-seals rows of an older version).
-- masked_key_id ("AbCd…9xYz") is all of the key ever kept in clear.
CREATE SEQUENCE keyed_account_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE keyed_account (
    id                 BIGINT                      NOT NULL,
    user_id            BIGINT                      NOT NULL,
    exchange           VARCHAR(16)                 NOT NULL,
    masked_key_id      VARCHAR(16)                 NOT NULL,
    key_version        VARCHAR(16)                 NOT NULL,
    sealed_key         VARCHAR(8000)               NOT NULL,
    created_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    last_success_at    TIMESTAMP(6) WITH TIME ZONE,
    last_snapshot      VARCHAR(200000),
    unavailable_since  TIMESTAMP(6) WITH TIME ZONE,
    outage_told        BOOLEAN                     NOT NULL,
    paused_reason      VARCHAR(200),
    key_expires_at     TIMESTAMP(6) WITH TIME ZONE,
    expiry_warned_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT keyed_account_pk PRIMARY KEY (id)
);

CREATE INDEX keyed_account_user ON keyed_account (user_id);

-- A key pair the bot made for a user (/watch binance) whose public half is not registered yet: the private half,
-- sealed like the keys above. One per user and exchange; deleted once the key is connected.
CREATE TABLE keyed_pending_key (
    user_id      BIGINT                      NOT NULL,
    exchange     VARCHAR(16)                 NOT NULL,
    key_version  VARCHAR(16)                 NOT NULL,
    sealed_key   VARCHAR(8000)               NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT keyed_pending_key_pk PRIMARY KEY (user_id, exchange)
);
