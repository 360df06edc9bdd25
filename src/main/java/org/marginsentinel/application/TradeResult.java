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
 */
public record TradeResult(StoredPosition position, PositionRisk risk, BigDecimal closedQuantity,
                          BigDecimal realizedPnl, BigDecimal price, AccountSnapshot after, BigDecimal fee) {

    public TradeResult(StoredPosition position, PositionRisk risk, BigDecimal closedQuantity, BigDecimal realizedPnl,
                       BigDecimal price, AccountSnapshot after) {
        this(position, risk, closedQuantity, realizedPnl, price, after, BigDecimal.ZERO);
    }

    /** Realised PnL after the fee: what the wallet gained or lost by the fill. */
    public BigDecimal netPnl() {
        return realizedPnl.subtract(fee);
    }
}
