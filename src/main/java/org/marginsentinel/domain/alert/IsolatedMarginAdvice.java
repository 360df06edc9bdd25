package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * How much margin to add to an isolated position so that its liquidation price sits a target distance from
 * the mark. Closing part of an isolated position is not an alternative: it releases margin pro rata, so the
 * liquidation price stays (almost exactly) where it is; see {@link MarginAdvice#closePart}.
 *
 * @param markPrice                the mark the advice is for
 * @param targetDistance           the wanted distance to liquidation, a fraction of the mark
 * @param targetLiquidationPrice   mark × (1 − targetDistance) for a long, mark × (1 + targetDistance) for a short
 * @param marginToAdd              exact, in USDT; zero when the position already is at least that far. Round up
 *                                 (never down) when showing it
 * @param liquidationPriceBefore   null when no price liquidates the position
 * @param liquidationPriceAfter    the engine's liquidation price once {@code marginToAdd} is added (equal to the
 *                                 target when anything is added); null when no price liquidates it
 */
public record IsolatedMarginAdvice(BigDecimal markPrice, BigDecimal targetDistance, BigDecimal targetLiquidationPrice,
                                   BigDecimal marginToAdd, BigDecimal liquidationPriceBefore,
                                   BigDecimal liquidationPriceAfter) {

    public IsolatedMarginAdvice {
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(targetDistance, "targetDistance");
        Objects.requireNonNull(targetLiquidationPrice, "targetLiquidationPrice");
        Objects.requireNonNull(marginToAdd, "marginToAdd");
        if (marginToAdd.signum() < 0) {
            throw new IllegalArgumentException("marginToAdd must not be negative: " + marginToAdd);
        }
    }

    /** True when margin has to be added to reach the target. */
    public boolean needed() {
        return marginToAdd.signum() > 0;
    }

    public Optional<BigDecimal> liquidationBefore() {
        return Optional.ofNullable(liquidationPriceBefore);
    }

    public Optional<BigDecimal> liquidationAfter() {
        return Optional.ofNullable(liquidationPriceAfter);
    }
}
