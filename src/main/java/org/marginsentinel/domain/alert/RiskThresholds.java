package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where warnings start. Isolated positions are judged by distance to liquidation (a fraction of the mark,
 * smaller is worse); cross pools by margin ratio (larger is worse, liquidation at 1).
 *
 * <p>Leaving a level needs more than crossing back over its threshold: the metric has to be past the
 * threshold's <em>release</em> value ({@link #releaseDistance}, {@link #releaseMarginRatio}). The two-argument
 * {@link #forDistance(BigDecimal, RiskLevel)} and {@link #forMarginRatio(BigDecimal, RiskLevel)} apply that
 * hysteresis to a level held from earlier readings.
 */
public record RiskThresholds(BigDecimal isolatedWarning, BigDecimal isolatedDanger, BigDecimal isolatedCritical,
                             BigDecimal crossWarning, BigDecimal crossDanger, BigDecimal crossCritical) {

    public static final RiskThresholds DEFAULTS = new RiskThresholds(
            new BigDecimal("0.10"), new BigDecimal("0.05"), new BigDecimal("0.02"),
            new BigDecimal("0.50"), new BigDecimal("0.70"), new BigDecimal("0.85"));

    /**
     * An isolated position leaves a level once its distance is at least threshold × 1.25. Distance is a share
     * of the mark, so the margin scales with the level: CRITICAL (2%) needs the price to come back 0.5% of
     * the mark, WARNING (10%) 2.5%. That is wider than the tick-to-tick noise of a liquid perpetual, yet a
     * genuine recovery crosses it within minutes.
     */
    public static final BigDecimal DISTANCE_RELEASE_FACTOR = new BigDecimal("1.25");

    /**
     * A cross pool leaves a level once its margin ratio is at least 5 percentage points under the threshold.
     * Near 85% that means the margin balance grew by about 6%; near 50% by about 11%: noise in the marks
     * of a diversified pool does not do that, a real recovery or a deposit does.
     */
    public static final BigDecimal MARGIN_RATIO_RELEASE_STEP = new BigDecimal("0.05");

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public RiskThresholds {
        Objects.requireNonNull(isolatedWarning, "isolatedWarning");
        Objects.requireNonNull(isolatedDanger, "isolatedDanger");
        Objects.requireNonNull(isolatedCritical, "isolatedCritical");
        Objects.requireNonNull(crossWarning, "crossWarning");
        Objects.requireNonNull(crossDanger, "crossDanger");
        Objects.requireNonNull(crossCritical, "crossCritical");
        if (!(isolatedWarning.compareTo(isolatedDanger) > 0 && isolatedDanger.compareTo(isolatedCritical) > 0
                && isolatedCritical.signum() > 0)) {
            throw new IllegalArgumentException("isolated levels must shrink: warning > danger > critical > 0");
        }
        if (!(crossWarning.compareTo(crossDanger) < 0 && crossDanger.compareTo(crossCritical) < 0
                && crossCritical.compareTo(BigDecimal.ONE) < 0 && crossWarning.signum() > 0)) {
            throw new IllegalArgumentException("cross levels must grow: 0 < warning < danger < critical < 1");
        }
    }

    /** Level of an isolated position by its distance to liquidation; null distance means no liquidation price. */
    public RiskLevel forDistance(BigDecimal distance) {
        if (distance == null) {
            return RiskLevel.SAFE;
        }
        if (distance.signum() <= 0) {
            return RiskLevel.LIQUIDATED;
        }
        if (distance.compareTo(isolatedCritical) <= 0) {
            return RiskLevel.CRITICAL;
        }
        if (distance.compareTo(isolatedDanger) <= 0) {
            return RiskLevel.DANGER;
        }
        return distance.compareTo(isolatedWarning) <= 0 ? RiskLevel.WARNING : RiskLevel.SAFE;
    }

    /** Level of a cross pool by its margin ratio; null ratio means the pool is gone. */
    public RiskLevel forMarginRatio(BigDecimal marginRatio) {
        if (marginRatio == null || marginRatio.compareTo(BigDecimal.ONE) >= 0) {
            return RiskLevel.LIQUIDATED;
        }
        if (marginRatio.compareTo(crossCritical) >= 0) {
            return RiskLevel.CRITICAL;
        }
        if (marginRatio.compareTo(crossDanger) >= 0) {
            return RiskLevel.DANGER;
        }
        return marginRatio.compareTo(crossWarning) >= 0 ? RiskLevel.WARNING : RiskLevel.SAFE;
    }

    /**
     * Level of an isolated position that was at {@code held} before: a worse reading counts at once, a
     * better one only as far as the distance has clearly recovered (see {@link #releaseDistance}).
     * Never better than {@link #forDistance(BigDecimal)}, never worse than {@code held} unless the reading is.
     */
    public RiskLevel forDistance(BigDecimal distance, RiskLevel held) {
        RiskLevel measured = forDistance(distance);
        if (!Objects.requireNonNull(held, "held").isWorseThan(measured)) {
            return measured;
        }
        // distance > 0 here: a non-positive distance measures LIQUIDATED, which nothing is worse than.
        RiskLevel cap;
        if (distance == null || distance.compareTo(releaseDistance(RiskLevel.WARNING)) >= 0) {
            cap = RiskLevel.SAFE;
        } else if (distance.compareTo(releaseDistance(RiskLevel.DANGER)) >= 0) {
            cap = RiskLevel.WARNING;
        } else if (distance.compareTo(releaseDistance(RiskLevel.CRITICAL)) >= 0) {
            cap = RiskLevel.DANGER;
        } else {
            cap = RiskLevel.LIQUIDATED;
        }
        return worse(measured, better(held, cap));
    }

    /** Level of a cross pool that was at {@code held} before; the cross twin of {@link #forDistance(BigDecimal, RiskLevel)}. */
    public RiskLevel forMarginRatio(BigDecimal marginRatio, RiskLevel held) {
        RiskLevel measured = forMarginRatio(marginRatio);
        if (!Objects.requireNonNull(held, "held").isWorseThan(measured)) {
            return measured;
        }
        // marginRatio < 1 here: a null or ≥ 1 ratio measures LIQUIDATED.
        RiskLevel cap;
        if (marginRatio.compareTo(releaseMarginRatio(RiskLevel.WARNING)) <= 0) {
            cap = RiskLevel.SAFE;
        } else if (marginRatio.compareTo(releaseMarginRatio(RiskLevel.DANGER)) <= 0) {
            cap = RiskLevel.WARNING;
        } else if (marginRatio.compareTo(releaseMarginRatio(RiskLevel.CRITICAL)) <= 0) {
            cap = RiskLevel.DANGER;
        } else {
            cap = RiskLevel.LIQUIDATED;
        }
        return worse(measured, better(held, cap));
    }

    /** The distance to liquidation at or under which an isolated position is at {@code level}. */
    public BigDecimal isolatedThreshold(RiskLevel level) {
        switch (Objects.requireNonNull(level, "level")) {
            case WARNING:
                return isolatedWarning;
            case DANGER:
                return isolatedDanger;
            case CRITICAL:
                return isolatedCritical;
            default:
                throw new IllegalArgumentException("no isolated threshold for " + level);
        }
    }

    /** The margin ratio at or over which a cross pool is at {@code level}. */
    public BigDecimal crossThreshold(RiskLevel level) {
        switch (Objects.requireNonNull(level, "level")) {
            case WARNING:
                return crossWarning;
            case DANGER:
                return crossDanger;
            case CRITICAL:
                return crossCritical;
            default:
                throw new IllegalArgumentException("no cross threshold for " + level);
        }
    }

    /**
     * The distance at or beyond which an isolated position has clearly left {@code level}: its threshold
     * × {@link #DISTANCE_RELEASE_FACTOR}. LIQUIDATED is left like CRITICAL, so a position hovering at its
     * liquidation price is not reported liquidated twice.
     */
    public BigDecimal releaseDistance(RiskLevel level) {
        RiskLevel thresholdLevel = level == RiskLevel.LIQUIDATED ? RiskLevel.CRITICAL : level;
        return isolatedThreshold(thresholdLevel).multiply(DISTANCE_RELEASE_FACTOR);
    }

    /**
     * The margin ratio at or under which a cross pool has clearly left {@code level}: its threshold minus
     * {@link #MARGIN_RATIO_RELEASE_STEP}, but never under half the threshold, so that a very low custom
     * threshold (say 6%) can still be left. LIQUIDATED is left like CRITICAL.
     */
    public BigDecimal releaseMarginRatio(RiskLevel level) {
        RiskLevel thresholdLevel = level == RiskLevel.LIQUIDATED ? RiskLevel.CRITICAL : level;
        BigDecimal threshold = crossThreshold(thresholdLevel);
        return threshold.subtract(MARGIN_RATIO_RELEASE_STEP).max(threshold.divide(TWO));
    }

    private static RiskLevel worse(RiskLevel a, RiskLevel b) {
        return a.isWorseThan(b) ? a : b;
    }

    private static RiskLevel better(RiskLevel a, RiskLevel b) {
        return a.isWorseThan(b) ? b : a;
    }
}
