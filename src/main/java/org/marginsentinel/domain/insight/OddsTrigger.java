package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.Optional;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.Side;

/**
 * The user's odds trigger ({@code /alerts odds p}) as a distance: an isolated position enters WARNING where its odds
 * of liquidation within 24 hours reach p, at the distance of the adverse move that has probability p, when that is
 * further out than the user's WARNING distance. One place for it, so the watch and the reply to an order (born safe)
 * judge a position by the same WARNING distance.
 */
public final class OddsTrigger {

    private OddsTrigger() {
    }

    /** The distance at which the odds reach {@code probability}; NaN without a volatility. */
    public static double warningDistance(double probability, Side side, Optional<DailyVolatility> volatility) {
        return volatility.map(v -> LiquidationOdds.adverseMoveWithProbability(side, v, probability,
                LiquidationOdds.DEFAULT_HORIZON)).orElse(Double.NaN);
    }

    /**
     * The thresholds an isolated position of {@code side} is judged by: the user's, with the WARNING distance moved out
     * to the odds trigger's where that is further. The distance is narrowed to a float, as the watch keeps it, so both
     * compare with the very same number.
     */
    public static RiskThresholds effective(AlertPreferences prefs, Side side, Optional<DailyVolatility> volatility) {
        RiskThresholds own = prefs.thresholds();
        if (prefs.oddsThreshold() == null) {
            return own;
        }
        float odds = (float) warningDistance(prefs.oddsThreshold().doubleValue(), side, volatility);
        if (!(odds > own.isolatedWarning().doubleValue())) {
            return own;
        }
        return new RiskThresholds(BigDecimal.valueOf(odds), own.isolatedDanger(), own.isolatedCritical(),
                own.crossWarning(), own.crossDanger(), own.crossCritical());
    }
}
