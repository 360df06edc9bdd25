package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When a cross pool counts as draining.
 *
 * @param alertDrop     a drop of the margin balance from its highest point in the window, as a fraction of that
 *                      point, at or above which a drain is reported (default 20%)
 * @param rearmDrop     once reported, the drain episode ends when the drop is back at or under this (default 10%):
 *                      the balance recovered, or the old high left the window because the fall stopped
 * @param windowMinutes how far back the highest point is looked for (default 60)
 */
public record DrainSettings(BigDecimal alertDrop, BigDecimal rearmDrop, int windowMinutes) {

    public static final DrainSettings DEFAULTS = new DrainSettings(new BigDecimal("0.20"), new BigDecimal("0.10"), 60);

    public DrainSettings {
        Objects.requireNonNull(alertDrop, "alertDrop");
        Objects.requireNonNull(rearmDrop, "rearmDrop");
        if (alertDrop.signum() <= 0 || alertDrop.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("alertDrop must be between 0 and 1: " + alertDrop);
        }
        if (rearmDrop.signum() < 0 || rearmDrop.compareTo(alertDrop) >= 0) {
            throw new IllegalArgumentException("rearmDrop must be at least 0 and under alertDrop: " + rearmDrop);
        }
        if (windowMinutes < 2 || windowMinutes > 24 * 60) {
            throw new IllegalArgumentException("windowMinutes must be between 2 and 1440: " + windowMinutes);
        }
    }
}
