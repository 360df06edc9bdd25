-- Telegram adapter: chats we talk to, exactly-once update handling, the outgoing message queue
-- and pending button confirmations. Runs unchanged on H2 2.4 and PostgreSQL 15.

-- Every chat that ever wrote to the bot (or that other code sent to). active = false after a
-- 403 (user blocked the bot, bot removed from group) or a my_chat_member "kicked"/"left";
-- any new message from the chat makes it active again.
CREATE TABLE telegram_chat (
    chat_id     BIGINT                      NOT NULL,
    chat_type   VARCHAR(16)                 NOT NULL,
    title       VARCHAR(255),
    active      BOOLEAN                     NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_chat_pk PRIMARY KEY (chat_id)
);

-- update_id of every update whose effects were committed. Inserted in the same transaction as
-- the handler's effects and its reply, so a replayed update (restart, redelivery) is skipped.
-- Rows older than two days are pruned (Telegram keeps undelivered updates for 24 hours).
CREATE TABLE telegram_handled_update (
    update_id   BIGINT                      NOT NULL,
    handled_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_handled_update_pk PRIMARY KEY (update_id)
);
CREATE INDEX telegram_handled_update_at_idx ON telegram_handled_update (handled_at);

-- Outgoing messages (replies, edits, proactive warnings). priority: lower = more urgent
-- (0 critical, 10 reply, 20 warning, 50 normal, 100 low). status: PENDING, SENT, FAILED, DROPPED.
-- edit_message_id set = edit that message instead of sending a new one. buttons = JSON rows of
-- {"label","data"}. A newer PENDING row with the same (chat_id, supersede_key) replaces older ones.
CREATE SEQUENCE telegram_outbox_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE telegram_outbox (
    id                   BIGINT                      NOT NULL,
    chat_id              BIGINT                      NOT NULL,
    message_thread_id    INTEGER,
    reply_to_message_id  INTEGER,
    edit_message_id      INTEGER,
    html                 VARCHAR(8192)               NOT NULL,
    buttons              VARCHAR(4096),
    silent               BOOLEAN                     NOT NULL,
    priority             INTEGER                     NOT NULL,
    supersede_key        VARCHAR(128),
    status               VARCHAR(16)                 NOT NULL,
    attempts             INTEGER                     NOT NULL,
    not_before           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    created_at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    sent_at              TIMESTAMP(6) WITH TIME ZONE,
    telegram_message_id  INTEGER,
    last_error           VARCHAR(512),
    CONSTRAINT telegram_outbox_pk PRIMARY KEY (id)
);
CREATE INDEX telegram_outbox_due_idx ON telegram_outbox (status, not_before);
CREATE INDEX telegram_outbox_chat_idx ON telegram_outbox (chat_id, status);

-- A question with Confirm / Cancel buttons (callback data cf:<id> / cx:<id>). Only the owner may
-- answer it, once, before expires_at. status: PENDING, CONFIRMED, CANCELLED, EXPIRED, FAILED.
CREATE SEQUENCE telegram_confirmation_seq START WITH 1 INCREMENT BY 50;
CREATE TABLE telegram_confirmation (
    id             BIGINT                      NOT NULL,
    owner_user_id  BIGINT                      NOT NULL,
    chat_id        BIGINT                      NOT NULL,
    action_key     VARCHAR(64)                 NOT NULL,
    payload        VARCHAR(1024)               NOT NULL,
    status         VARCHAR(16)                 NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    resolved_at    TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT telegram_confirmation_pk PRIMARY KEY (id)
);
CREATE INDEX telegram_confirmation_expires_idx ON telegram_confirmation (expires_at);
