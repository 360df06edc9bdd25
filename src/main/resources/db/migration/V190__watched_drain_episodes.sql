-- Watched accounts' cross pools (issues 12 and 13): a drain reported and not yet over, with the pool's high it is
-- measured against, so a restart neither repeats the drain warning nor forgets the high. The subject names the
-- account as its alert states do: hl:<watched_account id>:drain, kx:<keyed_account id>:drain; deleted with the
-- account. Runs unchanged on H2 2.x and PostgreSQL 15.
CREATE TABLE watched_drain_episode (
    subject       VARCHAR(64)    NOT NULL,
    peak_balance  DECIMAL(38, 8) NOT NULL,
    peak_at       TIMESTAMP      NOT NULL,
    CONSTRAINT watched_drain_episode_pk PRIMARY KEY (subject)
);
