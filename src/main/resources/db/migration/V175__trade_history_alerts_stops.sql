-- Trade history, price alerts and stops.
-- paper_position keeps how much of it was closed and at what value (for the average exit price) and what ended it.
-- Rows that existed before this version are backfilled from what is known exactly: a CLOSED row's last fill closed
-- its whole remaining quantity with realized_pnl = side * quantity * (exit - entry), so its exit value is
-- quantity * entry + side * realized_pnl. Earlier partial closes were never recorded, so such rows are flagged
-- history_backfilled and shown as "last fill only". A liquidated row's realized_pnl is the margin lost, not the mark:
-- its exit stays unknown (NULL).

ALTER TABLE paper_position ADD COLUMN closed_quantity NUMERIC(38, 18) DEFAULT 0 NOT NULL;
ALTER TABLE paper_position ADD COLUMN exit_value NUMERIC(38, 18) DEFAULT 0;
ALTER TABLE paper_position ADD COLUMN closed_by VARCHAR(16);
ALTER TABLE paper_position ADD COLUMN history_backfilled BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE paper_position SET history_backfilled = TRUE;
UPDATE paper_position SET closed_quantity = quantity,
    exit_value = CASE WHEN side = 'LONG' THEN quantity * entry_price + realized_pnl
                      ELSE quantity * entry_price - realized_pnl END,
    closed_by = 'CLOSE'
    WHERE status = 'CLOSED';
UPDATE paper_position SET closed_quantity = quantity, exit_value = NULL, closed_by = 'LIQUIDATION'
    WHERE status = 'LIQUIDATED';

CREATE INDEX paper_position_closed ON paper_position (user_id, status, closed_at);

-- A price alert fires once, on the mark, and is deleted in the same transaction that queues its notice.
CREATE SEQUENCE price_alert_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE price_alert (
    id          BIGINT          NOT NULL PRIMARY KEY,
    user_id     BIGINT          NOT NULL,
    symbol      VARCHAR(32)     NOT NULL,
    direction   VARCHAR(8)      NOT NULL,
    price       NUMERIC(38, 18) NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE INDEX price_alert_user ON price_alert (user_id, id);

-- A stop-loss or take-profit of an open paper position: at most one of each kind per position. Executed (and
-- deleted) in the transaction that closes the position and queues its notice, so it runs at most once.
CREATE TABLE position_stop (
    position_id  BIGINT          NOT NULL REFERENCES paper_position (id),
    kind         VARCHAR(12)     NOT NULL,
    user_id      BIGINT          NOT NULL,
    price        NUMERIC(38, 18) NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT position_stop_pk PRIMARY KEY (position_id, kind)
);

CREATE INDEX position_stop_user ON position_stop (user_id);
