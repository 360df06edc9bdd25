-- A subject's unsent warnings are withdrawn (a liquidation, a newer warning replacing an older one) by chat, status
-- and supersede key. The chat index held only the first two, so the database tested every pending row of the chat
-- against the key; with the key in the index each withdrawal finds its rows directly (a crash withdraws thousands
-- in one tick). It replaces the (chat_id, status) index: every query that used it (a chat's pending rows held,
-- released, dropped or moved) uses the new one by its prefix, and the table keeps the same number of indexes to
-- maintain on every insert and status change.
DROP INDEX telegram_outbox_chat_idx;
CREATE INDEX telegram_outbox_chat_key_idx ON telegram_outbox (chat_id, status, supersede_key);
