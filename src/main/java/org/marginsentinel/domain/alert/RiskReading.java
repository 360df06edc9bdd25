package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * One fresh measurement of a subject (an isolated position or a cross pool). The level is not stored: it
 * follows from the value and the user's thresholds ({@link #level(RiskThresholds)}), so the level and the
 * metric the hysteresis works on can never disagree.
 *
 * @param value for {@link RiskMetric#DISTANCE_TO_LIQUIDATION}: the engine's distance, null when no price
 *              liquidates the position (SAFE), zero or negative at or past liquidation (LIQUIDATED);
 *              for {@link RiskMetric#MARGIN_RATIO}: the engine's margin ratio, null when the margin balance
 *              is gone (LIQUIDATED)
 */
public record RiskReading(RiskMetric metric, BigDecimal value) {

    public RiskReading {
        Objects.requireNonNull(metric, "metric");
    }

    public static RiskReading distanceToLiquidation(BigDecimal distance) {
        return new RiskReading(RiskMetric.DISTANCE_TO_LIQUIDATION, distance);
    }

    public static RiskReading marginRatio(BigDecimal marginRatio) {
        return new RiskReading(RiskMetric.MARGIN_RATIO, marginRatio);
    }

    /**
     * The reading for one position: its distance when isolated. A cross position is judged by its pool,
     * so this gives the pool's margin ratio; prefer {@link #of(CrossAccountRisk)} once per pool.
     */
    public static RiskReading of(PositionRisk risk) {
        return risk.position().isIsolated() ? distanceToLiquidation(risk.distanceToLiquidation())
                : marginRatio(risk.marginRatio());
    }

    public static RiskReading of(CrossAccountRisk pool) {
        return marginRatio(pool.marginRatio());
    }

    /** The level this reading measures with {@code thresholds}, no history involved. */
    public RiskLevel level(RiskThresholds thresholds) {
        return metric == RiskMetric.DISTANCE_TO_LIQUIDATION ? thresholds.forDistance(value)
                : thresholds.forMarginRatio(value);
    }

    /** The level with hysteresis, for a subject previously held at {@code held}. */
    public RiskLevel level(RiskThresholds thresholds, RiskLevel held) {
        return metric == RiskMetric.DISTANCE_TO_LIQUIDATION ? thresholds.forDistance(value, held)
                : thresholds.forMarginRatio(value, held);
    }
}
