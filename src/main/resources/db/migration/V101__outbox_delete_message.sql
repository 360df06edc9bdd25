-- An outbox row may ask Telegram to delete a message (deleteMessage) instead of sending one: edit_message_id then
-- names the message to delete. Used to remove a user's message that carried an API secret right after reading it.
ALTER TABLE telegram_outbox ADD COLUMN delete_message BOOLEAN DEFAULT FALSE NOT NULL;
