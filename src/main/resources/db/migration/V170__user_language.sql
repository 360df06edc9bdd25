-- The language each user is answered in (issue 15). Taken from Telegram's language_code until the user picks one
-- with /lang (chosen = TRUE), after which Telegram's code no longer changes it. Runs on H2 2.x and PostgreSQL 15.
CREATE TABLE user_language (
    user_id     BIGINT                      NOT NULL,
    language    VARCHAR(8)                  NOT NULL,
    chosen      BOOLEAN                     NOT NULL,
    updated_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT user_language_pk PRIMARY KEY (user_id)
);
