package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.Decimals;

/**
 * What a fill does to the symbol's position in one-way mode.
 *
 * @param position        the symbol's position afterwards; null when the fill closed it exactly
 * @param closedQuantity  how much of the previous position the fill closed
 * @param realizedPnl     profit or loss booked into the wallet by the closed part (an isolated loss is capped
 *                        at the margin of the closed part: that margin is all an isolated position can lose)
 * @param marginRequired  initial margin of the new exposure (the added or flipped quantity); zero for a pure
 *                        reduction
 */
public record Netting(NettedPosition position, BigDecimal closedQuantity, BigDecimal realizedPnl,
                      BigDecimal marginRequired) {

    public boolean opensExposure() {
        return marginRequired.signum() > 0;
    }

    public boolean closedEverything() {
        return position == null;
    }

    static Netting of(NettedPosition position, BigDecimal closed, BigDecimal pnl, BigDecimal required) {
        return new Netting(position, closed, pnl, required.max(BigDecimal.ZERO));
    }

    static BigDecimal initialMargin(BigDecimal quantity, BigDecimal price, int leverage) {
        return Decimals.divide(quantity.multiply(price), BigDecimal.valueOf(leverage));
    }
}
