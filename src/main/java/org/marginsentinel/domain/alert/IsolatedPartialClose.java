package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Optional;
import org.marginsentinel.domain.margin.Position;

/**
 * What closing part of an isolated position at the mark does. The closed part takes its share of the
 * isolated margin with it, so the margin at risk falls in proportion, but the liquidation price of what
 * remains stays put (exactly, while the position stays in a tier with no maintenance amount; within a few
 * ticks otherwise). Show it to explain why the advice for isolated positions is to add margin.
 *
 * @param remaining               the position left open, with its reduced isolated margin
 * @param marginReleased          isolated margin returned to the wallet with the closed part
 * @param realizedPnl             profit or loss booked by the closed part
 * @param marginAtRiskBefore      the isolated margin before: all a liquidation could take
 * @param marginAtRiskAfter       the isolated margin after
 * @param liquidationPriceBefore  null when no price liquidates the position
 * @param liquidationPriceAfter   null when no price liquidates what remains
 */
public record IsolatedPartialClose(Position remaining, BigDecimal marginReleased, BigDecimal realizedPnl,
                                   BigDecimal marginAtRiskBefore, BigDecimal marginAtRiskAfter,
                                   BigDecimal liquidationPriceBefore, BigDecimal liquidationPriceAfter) {

    public Optional<BigDecimal> liquidationBefore() {
        return Optional.ofNullable(liquidationPriceBefore);
    }

    public Optional<BigDecimal> liquidationAfter() {
        return Optional.ofNullable(liquidationPriceAfter);
    }
}
