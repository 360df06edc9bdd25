-- Insights: an optional odds-of-liquidation trigger per user (fraction, 0.10 = warn at a 10% chance of
-- liquidation within 24 hours). Null = no odds trigger. Portable SQL: H2 2.x and PostgreSQL 15.
ALTER TABLE alert_preferences ADD COLUMN odds_threshold NUMERIC(8, 6);
