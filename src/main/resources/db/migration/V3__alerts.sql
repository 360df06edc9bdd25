-- Proactive warnings: what each user wants to hear, and what each watched subject was last told.
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.

-- Thresholds are fractions (0.10 = 10%). Quiet hours are whole UTC hours; both null = none.
CREATE TABLE alert_preferences (
    user_id            BIGINT        NOT NULL PRIMARY KEY,
    enabled            BOOLEAN       NOT NULL,
    isolated_warning   NUMERIC(8, 6) NOT NULL,
    isolated_danger    NUMERIC(8, 6) NOT NULL,
    isolated_critical  NUMERIC(8, 6) NOT NULL,
    cross_warning      NUMERIC(8, 6) NOT NULL,
    cross_danger       NUMERIC(8, 6) NOT NULL,
    cross_critical     NUMERIC(8, 6) NOT NULL,
    snoozed_until      TIMESTAMP(6) WITH TIME ZONE,
    quiet_start        INTEGER,
    quiet_end          INTEGER
);

-- subject: 'position:<id>' for an isolated position, 'cross:<user id>' for a cross pool.
-- Written in the same transaction as the warning it records (telegram_outbox), so a restart neither
-- repeats nor loses a warning.
CREATE TABLE alert_state (
    subject           VARCHAR(40)  NOT NULL PRIMARY KEY,
    user_id           BIGINT       NOT NULL,
    level             VARCHAR(12)  NOT NULL,
    since             TIMESTAMP(6) WITH TIME ZONE,
    last_warning_at   TIMESTAMP(6) WITH TIME ZONE,
    last_danger_at    TIMESTAMP(6) WITH TIME ZONE,
    last_critical_at  TIMESTAMP(6) WITH TIME ZONE
);

CREATE INDEX alert_state_user ON alert_state (user_id);
