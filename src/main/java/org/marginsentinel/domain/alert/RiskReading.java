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
 * @param poolDistance only for a cross pool: its distance to liquidation (the joint adverse move it survives,
 *              a fraction); the pool's level is then the worse of its ratio level and this distance's level
 *              (by the isolated distances). Null: judged by the ratio alone (no move liquidates the pool, or
 *              the distance is not known)
 */
public record RiskReading(RiskMetric metric, BigDecimal value, BigDecimal poolDistance) {

    public RiskReading {
        Objects.requireNonNull(metric, "metric");
        if (poolDistance != null && metric != RiskMetric.MARGIN_RATIO) {
            throw new IllegalArgumentException("only a cross pool has a pool distance");
        }
    }

    public RiskReading(RiskMetric metric, BigDecimal value) {
        this(metric, value, null);
    }

    /** A cross pool judged by the worse of its margin ratio and its distance to liquidation. */
    public static RiskReading pool(BigDecimal marginRatio, BigDecimal poolDistance) {
        return new RiskReading(RiskMetric.MARGIN_RATIO, marginRatio, poolDistance);
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
        if (metric == RiskMetric.DISTANCE_TO_LIQUIDATION) {
            return thresholds.forDistance(value);
        }
        RiskLevel byRatio = thresholds.forMarginRatio(value);
        return poolDistance == null ? byRatio : worse(byRatio, thresholds.forDistance(poolDistance));
    }

    /** The level with hysteresis, for a subject previously held at {@code held}. */
    public RiskLevel level(RiskThresholds thresholds, RiskLevel held) {
        if (metric == RiskMetric.DISTANCE_TO_LIQUIDATION) {
            return thresholds.forDistance(value, held);
        }
        RiskLevel byRatio = thresholds.forMarginRatio(value, held);
        // Leaving a level needs both yardsticks to have clearly recovered: the worse of the two holds.
        return poolDistance == null ? byRatio : worse(byRatio, thresholds.forDistance(poolDistance, held));
    }

    private static RiskLevel worse(RiskLevel a, RiskLevel b) {
        return a.isWorseThan(b) ? a : b;
    }
}
