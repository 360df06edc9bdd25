package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * How one position stands at a mark price.
 *
 * @param initialMargin         the isolated wallet (isolated) or notional / leverage at the mark (cross)
 * @param marginRatio           maintenance margin / margin balance, liquidation at 1; for cross positions the
 *                              account's cross ratio; null when the margin balance is gone (at or past liquidation)
 * @param liquidationPrice      null when no price liquidates the position; for cross positions, assumes every
 *                              other symbol stays at its mark
 * @param distanceToLiquidation |mark − liquidation| / mark, negative when already at or past it; null with no
 *                              liquidation price
 * @param returnOnEquity        unrealised PnL / the margin the position was opened with
 */
public record PositionRisk(Position position, BigDecimal markPrice, BigDecimal notional, BigDecimal unrealizedPnl,
                           BigDecimal initialMargin, BigDecimal maintenanceMargin, BigDecimal marginRatio,
                           BigDecimal liquidationPrice, BigDecimal distanceToLiquidation, BigDecimal returnOnEquity) {

    public Optional<BigDecimal> liquidation() {
        return Optional.ofNullable(liquidationPrice);
    }

    /** True when the mark has reached the liquidation price (the margin no longer covers maintenance). */
    public boolean liquidatedAtMark() {
        return distanceToLiquidation != null && distanceToLiquidation.signum() <= 0;
    }
}
