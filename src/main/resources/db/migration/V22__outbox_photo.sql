-- Insights: charts go out with sendPhoto through the outbox. The PNG waits in its own table (so the sender's
-- queries over telegram_outbox stay small) and is deleted once the message is sent or given up.
-- Portable SQL: H2 2.x and PostgreSQL 15.

ALTER TABLE telegram_outbox ADD COLUMN has_photo BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE telegram_outbox_photo (
    outbox_id  BIGINT NOT NULL,
    png        BYTEA  NOT NULL,
    CONSTRAINT telegram_outbox_photo_pk PRIMARY KEY (outbox_id),
    CONSTRAINT telegram_outbox_photo_outbox_fk FOREIGN KEY (outbox_id) REFERENCES telegram_outbox (id) ON DELETE CASCADE
);
