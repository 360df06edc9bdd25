package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Where warnings start. Isolated positions are judged by distance to liquidation (a fraction of the mark,
 * smaller is worse); cross pools by margin ratio (larger is worse, liquidation at 1).
 */
public record RiskThresholds(BigDecimal isolatedWarning, BigDecimal isolatedDanger, BigDecimal isolatedCritical,
                             BigDecimal crossWarning, BigDecimal crossDanger, BigDecimal crossCritical) {

    public static final RiskThresholds DEFAULTS = new RiskThresholds(
            new BigDecimal("0.10"), new BigDecimal("0.05"), new BigDecimal("0.02"),
            new BigDecimal("0.50"), new BigDecimal("0.70"), new BigDecimal("0.85"));

    public RiskThresholds {
        Objects.requireNonNull(isolatedWarning);
        Objects.requireNonNull(crossWarning);
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
}
