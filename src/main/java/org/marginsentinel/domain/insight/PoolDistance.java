package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.SurvivableMove;

/**
 * A cross pool's distance to liquidation: the joint adverse move of its marks it survives ({@link JointMove},
 * {@link SurvivableMove}), and the odds of that move within 24 hours.
 *
 * @param move null when no joint move up to +1,000% liquidates the pool; zero at or past liquidation
 * @param odds null when some symbol's volatility is unknown, or without a move
 */
public record PoolDistance(BigDecimal move, JointMove model, OddsEstimate odds) {

    /** The pool's distance now; {@code crossPositions} at their marks, {@code volatilities} cached or fetched. */
    public static PoolDistance of(MarginCalculator calculator, BigDecimal crossWallet,
                                  List<PricedPosition> crossPositions,
                                  Function<String, Optional<DailyVolatility>> volatilities) {
        return of(calculator::maintenanceMargin, crossWallet, crossPositions, volatilities);
    }

    /** The same with an exchange's own maintenance rule (a keyed account valued by its exchange's formula). */
    public static PoolDistance of(SurvivableMove.Maintenance maintenance, BigDecimal crossWallet,
                                  List<PricedPosition> crossPositions,
                                  Function<String, Optional<DailyVolatility>> volatilities) {
        JointMove model = JointMove.of(crossPositions.stream().map(PricedPosition::position).toList(), volatilities);
        BigDecimal move = new SurvivableMove(maintenance).distance(crossWallet, crossPositions, model.shares())
                .orElse(null);
        return new PoolDistance(move, model, model.odds(move, LiquidationOdds.DEFAULT_HORIZON).orElse(null));
    }

    public Optional<BigDecimal> moveIfAny() {
        return Optional.ofNullable(move);
    }

    public Optional<OddsEstimate> oddsIfKnown() {
        return Optional.ofNullable(odds);
    }
}
