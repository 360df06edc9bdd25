package org.marginsentinel.application.insight;

import java.util.Map;
import java.util.Set;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.insight.SurvivalPlan;

/**
 * An account valued at the latest marks, with each position's odds and advice.
 *
 * @param poolSurvival what keeps the cross pool alive through every symbol's likely move; null when not needed
 *                     or not known
 * @param symbolsWithoutVolatility symbols whose volatility could not be estimated (no candles right now)
 * @param poolDistance the cross pool's distance to liquidation and its odds; null without cross positions
 */
public record AccountInsights(AccountSnapshot snapshot, Map<Long, PositionInsight> positions,
                              SurvivalPlan poolSurvival, Set<String> symbolsWithoutVolatility,
                              PoolDistance poolDistance) {

    public AccountInsights {
        positions = Map.copyOf(positions);
        symbolsWithoutVolatility = Set.copyOf(symbolsWithoutVolatility);
    }

    public AccountInsights(AccountSnapshot snapshot, Map<Long, PositionInsight> positions, SurvivalPlan poolSurvival,
                           Set<String> symbolsWithoutVolatility) {
        this(snapshot, positions, poolSurvival, symbolsWithoutVolatility, null);
    }

    /** The cross pool's level by the default thresholds: the worse of its ratio and its distance. */
    public RiskLevel poolLevel() {
        return RiskReading.pool(snapshot.risk().cross().marginRatio(), poolDistance == null ? null
                : poolDistance.move()).level(RiskThresholds.DEFAULTS);
    }

    public PositionInsight of(StoredPosition position) {
        return positions.getOrDefault(position.id(), PositionInsight.UNKNOWN);
    }
}
