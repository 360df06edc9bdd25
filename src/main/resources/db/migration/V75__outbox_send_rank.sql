-- send_rank: within one priority, which pending row goes first when Telegram's limits make rows wait (a crash): a
-- proactive risk notice's closeness to liquidation (distance, then odds; SendUrgency), lower first. Rows that are
-- not about a subject's risk (replies, group notices) are unranked: the largest value, so within a priority they
-- keep their order of arrival after the ranked ones.
ALTER TABLE telegram_outbox ADD COLUMN send_rank BIGINT DEFAULT 9223372036854775807 NOT NULL;
-- The sender reads pending rows in this order and stops at a page (see V41): the index must follow it. The due
-- index is created again after it, as in V41, so that H2 keeps taking the send-order one on a tie.
DROP INDEX telegram_outbox_send_order_idx;
DROP INDEX telegram_outbox_due_idx;
CREATE INDEX telegram_outbox_send_order_idx ON telegram_outbox (status, priority, send_rank, id);
CREATE INDEX telegram_outbox_due_idx ON telegram_outbox (status, not_before);
