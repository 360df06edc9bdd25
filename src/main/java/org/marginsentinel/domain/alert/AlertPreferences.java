package org.marginsentinel.domain.alert;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one user wants to hear about.
 *
 * @param thresholds   where the levels start
 * @param enabled      false: nothing but liquidations
 * @param snoozedUntil until this instant (exclusive) only CRITICAL and LIQUIDATED come through; null: not snoozed
 * @param quietHours   a daily UTC window with the same effect as a snooze; null: none
 */
public record AlertPreferences(RiskThresholds thresholds, boolean enabled, Instant snoozedUntil,
                               QuietHours quietHours) {

    /** Default thresholds, alerts on, no snooze, no quiet hours. */
    public static final AlertPreferences DEFAULTS = new AlertPreferences(RiskThresholds.DEFAULTS, true, null, null);

    public AlertPreferences {
        Objects.requireNonNull(thresholds, "thresholds");
    }

    public boolean snoozedAt(Instant now) {
        return snoozedUntil != null && now.isBefore(snoozedUntil);
    }

    public boolean quietAt(Instant now) {
        return quietHours != null && quietHours.contains(now);
    }

    public Optional<QuietHours> quietHoursIfSet() {
        return Optional.ofNullable(quietHours);
    }

    public AlertPreferences withThresholds(RiskThresholds newThresholds) {
        return new AlertPreferences(newThresholds, enabled, snoozedUntil, quietHours);
    }

    public AlertPreferences withEnabled(boolean newEnabled) {
        return new AlertPreferences(thresholds, newEnabled, snoozedUntil, quietHours);
    }

    /** @param until null to end a snooze */
    public AlertPreferences withSnoozedUntil(Instant until) {
        return new AlertPreferences(thresholds, enabled, until, quietHours);
    }

    /** @param newQuietHours null for none */
    public AlertPreferences withQuietHours(QuietHours newQuietHours) {
        return new AlertPreferences(thresholds, enabled, snoozedUntil, newQuietHours);
    }
}
