-- When an open position last changed after it was opened (an add, a reduce, a margin move, funding into an isolated
-- margin), so /chart pool knows how far back today's positions explain the cross pool. NULL: unchanged since opened
-- (rows from before this version count as unchanged; the chart then also checks the ledger's fills).
-- Portable SQL: runs on H2 2.x and PostgreSQL 15.
ALTER TABLE paper_position ADD COLUMN changed_at TIMESTAMP(6) WITH TIME ZONE;
