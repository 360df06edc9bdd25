-- Trading groups (issue 5): per-group settings, who shares their risk with which group, and the
-- one-time nudge to members the bot cannot write to first. Runs unchanged on H2 2.x and PostgreSQL 15.

-- One row per group or supergroup the bot has been used in.
-- alerts_enabled: an admin turned /groupalerts on; alerts go to alerts_thread_id (forum topic) or the
-- main chat. board_outbox_id: first telegram_outbox row of the group's current /board message (its
-- telegram_message_id says which message to edit); board_rendered_at throttles refreshes.
CREATE TABLE telegram_group (
    chat_id            BIGINT                      NOT NULL,
    alerts_enabled     BOOLEAN                     NOT NULL,
    alerts_thread_id   INTEGER,
    board_outbox_id    BIGINT,
    board_thread_id    INTEGER,
    board_rendered_at  TIMESTAMP(6) WITH TIME ZONE,
    updated_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_group_pk PRIMARY KEY (chat_id)
);

-- A member who used the bot in a group. sharing = the member ran /share on in this group (default
-- off): only then do they appear on its /board and /leaderboard and in its group alerts.
-- last_thread_id: forum topic of their last command there (where a nudge for them is posted).
CREATE TABLE telegram_group_member (
    chat_id         BIGINT                      NOT NULL,
    user_id         BIGINT                      NOT NULL,
    display_name    VARCHAR(128)                NOT NULL,
    sharing         BOOLEAN                     NOT NULL,
    last_thread_id  INTEGER,
    last_seen_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_group_member_pk PRIMARY KEY (chat_id, user_id)
);
CREATE INDEX telegram_group_member_user_idx ON telegram_group_member (user_id);

-- A member with a warning whom the bot could not write to first (no private chat yet) was asked once,
-- in a group, to open the private chat. One row per user: never asked twice.
CREATE TABLE telegram_private_nudge (
    user_id    BIGINT                      NOT NULL,
    chat_id    BIGINT                      NOT NULL,
    nudged_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT telegram_private_nudge_pk PRIMARY KEY (user_id)
);
