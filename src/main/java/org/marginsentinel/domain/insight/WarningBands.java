package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Side;

/**
 * Where the warning levels sit in price: the mark at which an isolated position's distance to liquidation,
 * |mark − L| / mark, equals a threshold d. A long is at distance d when mark = L / (1 − d), a short when
 * mark = L / (1 + d). Drawn as bands on /chart.
 */
public final class WarningBands {

    private WarningBands() {
    }

    /** The mark at which a position with liquidation price {@code liquidation} is {@code distance} away from it. */
    public static BigDecimal markAtDistance(Side side, BigDecimal liquidation, BigDecimal distance) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(liquidation, "liquidation");
        if (distance.signum() < 0 || (side == Side.LONG && distance.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("distance out of range: " + distance);
        }
        BigDecimal denominator = side == Side.LONG ? BigDecimal.ONE.subtract(distance) : BigDecimal.ONE.add(distance);
        return Decimals.divide(liquidation, denominator);
    }
}
