package org.marginsentinel.domain.alert;

/** What a risk reading measures. Isolated positions are watched by distance, cross pools by margin ratio. */
public enum RiskMetric {
    /** |mark − liquidation price| / mark of an isolated position; smaller is worse. */
    DISTANCE_TO_LIQUIDATION,
    /** Maintenance margin / margin balance of a cross pool; larger is worse, liquidation at 1. */
    MARGIN_RATIO
}
