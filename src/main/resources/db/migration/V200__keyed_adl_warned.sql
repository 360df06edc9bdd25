-- Keyed accounts (issue 14): winning positions whose high auto-deleveraging rank was told to the user, so that a
-- restart does not tell it again while the rank stays high (forgotten once it drops). Deleted with the account.
-- subject is the alert subject kx:<account>:<symbol>:<side>:adl. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE keyed_adl_warned (
    account_id  BIGINT       NOT NULL REFERENCES keyed_account (id) ON DELETE CASCADE,
    subject     VARCHAR(200) NOT NULL,
    CONSTRAINT keyed_adl_warned_pk PRIMARY KEY (account_id, subject)
);
