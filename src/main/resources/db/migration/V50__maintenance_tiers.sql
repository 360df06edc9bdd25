-- The exchange's maintenance-margin tiers of every listed symbol, with their source and date. Seeded from the
-- snapshot shipped in the jar, replaced by a run-time refresh (Binance leverageBracket with a deployer's key);
-- read once into memory at start and after each refresh, never per tick. A tier holds notionals in
-- (notional_floor, notional_cap]; a null cap is an open-ended last tier.
-- Portable SQL: H2 2.x and PostgreSQL 15.

CREATE TABLE maintenance_tier (
    symbol          VARCHAR(32)     NOT NULL,
    bracket         INTEGER         NOT NULL,
    notional_floor  NUMERIC(38, 8)  NOT NULL,
    notional_cap    NUMERIC(38, 8),
    mm_rate         NUMERIC(20, 12) NOT NULL,
    mm_amount       NUMERIC(38, 8)  NOT NULL,
    max_leverage    INTEGER         NOT NULL,
    source          VARCHAR(64)     NOT NULL,
    as_of           DATE            NOT NULL,
    CONSTRAINT maintenance_tier_pk PRIMARY KEY (symbol, bracket)
);
