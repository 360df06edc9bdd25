package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
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
 * @param oddsThreshold an isolated position also enters WARNING when its odds of liquidation within 24 hours reach
 *                      this probability (a fraction in (0, 1)); null: no odds trigger
 */
public record AlertPreferences(RiskThresholds thresholds, boolean enabled, Instant snoozedUntil,
                               QuietHours quietHours, BigDecimal oddsThreshold) {

    /** Default thresholds, alerts on, no snooze, no quiet hours, no odds trigger. */
    public static final AlertPreferences DEFAULTS = new AlertPreferences(RiskThresholds.DEFAULTS, true, null, null);

    public AlertPreferences {
        Objects.requireNonNull(thresholds, "thresholds");
        if (oddsThreshold != null && (oddsThreshold.signum() <= 0 || oddsThreshold.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("oddsThreshold must be between 0 and 1: " + oddsThreshold);
        }
    }

    /** Preferences without an odds trigger. */
    public AlertPreferences(RiskThresholds thresholds, boolean enabled, Instant snoozedUntil, QuietHours quietHours) {
        this(thresholds, enabled, snoozedUntil, quietHours, null);
    }

    public Optional<BigDecimal> oddsThresholdIfSet() {
        return Optional.ofNullable(oddsThreshold);
    }

    /** @param newOddsThreshold null for no odds trigger */
    public AlertPreferences withOddsThreshold(BigDecimal newOddsThreshold) {
        return new AlertPreferences(thresholds, enabled, snoozedUntil, quietHours, newOddsThreshold);
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
        return new AlertPreferences(newThresholds, enabled, snoozedUntil, quietHours, oddsThreshold);
    }

    public AlertPreferences withEnabled(boolean newEnabled) {
        return new AlertPreferences(thresholds, newEnabled, snoozedUntil, quietHours, oddsThreshold);
    }

    /** @param until null to end a snooze */
    public AlertPreferences withSnoozedUntil(Instant until) {
        return new AlertPreferences(thresholds, enabled, until, quietHours, oddsThreshold);
    }

    /** @param newQuietHours null for none */
    public AlertPreferences withQuietHours(QuietHours newQuietHours) {
        return new AlertPreferences(thresholds, enabled, snoozedUntil, newQuietHours, oddsThreshold);
    }
}
