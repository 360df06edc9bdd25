-- Funding of paper positions. funding_schedule remembers the rate announced for each coming funding time of a
-- held symbol, so a restart across the funding time still settles it; funding_payment holds one row per position
-- and funding time: its primary key is what makes a payment impossible to book twice.

CREATE TABLE funding_schedule (
    symbol        VARCHAR(32)     NOT NULL,
    funding_time  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    rate          NUMERIC(38, 18) NOT NULL,
    settled       BOOLEAN         NOT NULL,
    CONSTRAINT funding_schedule_pk PRIMARY KEY (symbol, funding_time)
);

CREATE INDEX funding_schedule_due ON funding_schedule (settled, funding_time);

CREATE TABLE funding_payment (
    position_id   BIGINT          NOT NULL REFERENCES paper_position (id),
    funding_time  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    user_id       BIGINT          NOT NULL REFERENCES account (user_id),
    symbol        VARCHAR(32)     NOT NULL,
    rate          NUMERIC(38, 18) NOT NULL,
    mark_price    NUMERIC(38, 18) NOT NULL,
    received      NUMERIC(38, 18) NOT NULL,
    CONSTRAINT funding_payment_pk PRIMARY KEY (position_id, funding_time)
);

CREATE INDEX funding_payment_user ON funding_payment (user_id);
CREATE INDEX paper_position_open_symbol ON paper_position (status, symbol);
