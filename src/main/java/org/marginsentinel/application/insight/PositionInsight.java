package org.marginsentinel.application.insight;

import java.util.Optional;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.OddsEstimate;
import org.marginsentinel.domain.insight.SurvivalPlan;

/**
 * What the volatility adds to one position: its odds of liquidation and what survives a likely move.
 *
 * @param volatility the symbol's realised daily volatility; null when unknown
 * @param odds       null when the volatility is unknown or no price liquidates the position
 * @param survival   isolated only: margin to add to survive the 5%-chance 24-hour move; null when not needed
 */
public record PositionInsight(DailyVolatility volatility, OddsEstimate odds, SurvivalPlan survival) {

    static final PositionInsight UNKNOWN = new PositionInsight(null, null, null);

    public Optional<OddsEstimate> oddsIfKnown() {
        return Optional.ofNullable(odds);
    }
}
