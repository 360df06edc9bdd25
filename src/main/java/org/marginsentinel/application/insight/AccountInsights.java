package org.marginsentinel.application.insight;

import java.util.Map;
import java.util.Set;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.insight.SurvivalPlan;

/**
 * An account valued at the latest marks, with each position's odds and advice.
 *
 * @param poolSurvival what keeps the cross pool alive through every symbol's likely move; null when not needed
 *                     or not known
 * @param symbolsWithoutVolatility symbols whose volatility could not be estimated (no candles right now)
 */
public record AccountInsights(AccountSnapshot snapshot, Map<Long, PositionInsight> positions,
                              SurvivalPlan poolSurvival, Set<String> symbolsWithoutVolatility) {

    public AccountInsights {
        positions = Map.copyOf(positions);
        symbolsWithoutVolatility = Set.copyOf(symbolsWithoutVolatility);
    }

    public PositionInsight of(StoredPosition position) {
        return positions.getOrDefault(position.id(), PositionInsight.UNKNOWN);
    }
}
