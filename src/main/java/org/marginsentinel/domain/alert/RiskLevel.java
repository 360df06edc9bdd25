package org.marginsentinel.domain.alert;

/** How close to liquidation a position or pool is, from safe to liquidated. Ordered by severity. */
public enum RiskLevel {
    SAFE, WARNING, DANGER, CRITICAL, LIQUIDATED;

    public boolean isWorseThan(RiskLevel other) {
        return compareTo(other) > 0;
    }
}
