-- Updates received from Telegram and not handled yet. The long poll confirms a batch to Telegram
-- as soon as the next poll starts, long before every handler has committed, so a batch is stored
-- here first. Each handler's transaction deletes its row together with recording the update as
-- handled; at start-up the rows still here are handled again (a kill -9 loses no command).
-- payload: the update as JSON. Runs unchanged on H2 2.4 and PostgreSQL 15.
CREATE TABLE telegram_inbox (
    update_id    BIGINT                      NOT NULL,
    payload      VARCHAR(65536)              NOT NULL,
    received_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_inbox_pk PRIMARY KEY (update_id)
);
