-- A flip keeps the position's number: the closed side and the new one share it, so a number is unique among a
-- user's open positions only (checked by the store under the account lock), not among all its rows.
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.
ALTER TABLE paper_position DROP CONSTRAINT paper_position_number_unique;
CREATE INDEX paper_position_number ON paper_position (user_id, number);
