package org.marginsentinel.application.port;

import org.marginsentinel.domain.alert.RiskLevel;

/** How urgent a notice is: decides delivery order and what groups hear. Ordered from least to most urgent. */
public enum Severity {
    /** News without risk (prices paused or back). */
    INFO,
    WARNING,
    DANGER,
    /** CRITICAL warnings and every liquidation. */
    CRITICAL;

    /** The severity of a warning at {@code level}: SAFE and WARNING are WARNING, LIQUIDATED is CRITICAL. */
    public static Severity of(RiskLevel level) {
        return switch (level) {
            case CRITICAL, LIQUIDATED -> CRITICAL;
            case DANGER -> DANGER;
            default -> WARNING;
        };
    }
}
