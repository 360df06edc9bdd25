-- held: a PENDING row kept back until the user opens the private chat (Telegram answered 403 "bot can't initiate
-- conversation"); not sent meanwhile, released when they write to the bot privately.
-- plain_text: Telegram refused the row's HTML; it is sent once more without parse mode.
ALTER TABLE telegram_outbox ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE telegram_outbox ADD COLUMN plain_text BOOLEAN DEFAULT FALSE NOT NULL;
-- unopened: a private chat the bot may not write to first (inactive until the user writes); its rows are held.
ALTER TABLE telegram_chat ADD COLUMN unopened BOOLEAN DEFAULT FALSE NOT NULL;
