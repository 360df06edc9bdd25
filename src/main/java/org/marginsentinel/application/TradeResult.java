package org.marginsentinel.application;

import java.math.BigDecimal;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * What an open, close or margin change did.
 *
 * @param position     the symbol's position afterwards, or null when it was closed
 * @param risk         that position's risk at the mark, or null when it was closed
 * @param closedQuantity how much was closed (zero when nothing was)
 * @param realizedPnl  PnL booked into the wallet
 * @param after        the whole account afterwards
 * @param fee          the taker fee the fill paid from the wallet (zero for margin moves)
 * @param previous     the symbol's position before the order, or null when there was none (an add or a flip is
 *                     told from an open by it)
 * @param filledQuantity the order's whole fill (closed plus newly opened); zero for margin moves
 */
public record TradeResult(StoredPosition position, PositionRisk risk, BigDecimal closedQuantity,
                          BigDecimal realizedPnl, BigDecimal price, AccountSnapshot after, BigDecimal fee,
                          StoredPosition previous, BigDecimal filledQuantity) {

    public TradeResult(StoredPosition position, PositionRisk risk, BigDecimal closedQuantity, BigDecimal realizedPnl,
                       BigDecimal price, AccountSnapshot after) {
        this(position, risk, closedQuantity, realizedPnl, price, after, BigDecimal.ZERO, null, BigDecimal.ZERO);
    }

    public TradeResult(StoredPosition position, PositionRisk risk, BigDecimal closedQuantity, BigDecimal realizedPnl,
                       BigDecimal price, AccountSnapshot after, BigDecimal fee) {
        this(position, risk, closedQuantity, realizedPnl, price, after, fee, null, BigDecimal.ZERO);
    }

    /** Realised PnL after the fee: what the wallet gained or lost by the fill. */
    public BigDecimal netPnl() {
        return realizedPnl.subtract(fee);
    }

    /** The order grew an open position on the same side (not a first open, not a flip). */
    public boolean added() {
        return previous != null && position != null && closedQuantity.signum() == 0;
    }

    /** The order closed the previous position and opened the other side (a new position under the same number). */
    public boolean flipped() {
        return previous != null && position != null && closedQuantity.signum() > 0 && position.id() != previous.id();
    }
}
