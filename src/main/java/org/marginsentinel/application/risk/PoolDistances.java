package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.insight.JointMove;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Cross pools' distances to liquidation with the cached volatilities, so the tick may call it: the index's
 * screen and the exact judge share the same joint move (same volatilities, same opening notionals).
 */
final class PoolDistances {

    private final MarginCalculator calculator;
    private final Volatilities volatilities;

    PoolDistances(MarginCalculator calculator, Volatilities volatilities) {
        this.calculator = calculator;
        this.volatilities = volatilities;
    }

    /** The exact distance of a pool whose positions are at these marks. */
    PoolDistance of(BigDecimal crossWallet, List<PricedPosition> crossPositions) {
        return PoolDistance.of(calculator, crossWallet, crossPositions, volatilities::cached);
    }

    /** How the pool's symbols share its joint move, for the screen. */
    JointMove model(List<Position> crossPositions) {
        return JointMove.of(crossPositions, volatilities::cached);
    }
}
