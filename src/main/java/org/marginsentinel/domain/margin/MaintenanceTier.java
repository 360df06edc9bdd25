package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One bracket of an exchange's maintenance-margin schedule: positions whose notional lies in
 * (notionalFloor, notionalCap] (the first tier also holds 0) need
 * {@code notional * maintenanceMarginRate - maintenanceAmount}. Bounds as Binance publishes them: exactly at a
 * cap the position is still in the lower tier, with its higher maximum leverage.
 * The maintenance amount ("cum") makes the schedule continuous across brackets.
 *
 * @param notionalCap null for an open-ended last tier
 */
public record MaintenanceTier(BigDecimal notionalFloor, BigDecimal notionalCap, BigDecimal maintenanceMarginRate,
                              BigDecimal maintenanceAmount, int maxLeverage) {

    public MaintenanceTier {
        Objects.requireNonNull(notionalFloor, "notionalFloor");
        Objects.requireNonNull(maintenanceMarginRate, "maintenanceMarginRate");
        Objects.requireNonNull(maintenanceAmount, "maintenanceAmount");
        if (notionalFloor.signum() < 0) {
            throw new IllegalArgumentException("notionalFloor must not be negative: " + notionalFloor);
        }
        if (notionalCap != null && notionalCap.compareTo(notionalFloor) <= 0) {
            throw new IllegalArgumentException("notionalCap must exceed notionalFloor: " + notionalCap);
        }
        if (maintenanceMarginRate.signum() < 0 || maintenanceMarginRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("maintenanceMarginRate must be in [0, 1): " + maintenanceMarginRate);
        }
        if (maintenanceAmount.signum() < 0) {
            throw new IllegalArgumentException("maintenanceAmount must not be negative: " + maintenanceAmount);
        }
        if (maxLeverage < 1) {
            throw new IllegalArgumentException("maxLeverage must be at least 1: " + maxLeverage);
        }
    }

    public static MaintenanceTier flat(BigDecimal maintenanceMarginRate, BigDecimal maintenanceAmount) {
        return new MaintenanceTier(BigDecimal.ZERO, null, maintenanceMarginRate, maintenanceAmount, 125);
    }

    public boolean contains(BigDecimal notional) {
        boolean aboveFloor = notionalFloor.signum() == 0 ? notional.signum() >= 0 : notional.compareTo(notionalFloor) > 0;
        return aboveFloor && (notionalCap == null || notional.compareTo(notionalCap) <= 0);
    }

    /** Maintenance margin of a notional in this tier; never negative. */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        BigDecimal margin = notional.multiply(maintenanceMarginRate).subtract(maintenanceAmount);
        return margin.signum() < 0 ? BigDecimal.ZERO : margin;
    }
}
