package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a cross pool's margin balance moved over the window, and whether to warn about it now.
 *
 * @param alert              true once per drain episode: the drop just reached the alert threshold
 * @param dropFraction       (high − now) / high; zero when the balance is at its high or the high is not positive
 * @param peakMarginBalance  the highest margin balance retained in the window (per-minute samples)
 * @param peakAt             the start of the minute of that high (the latest one if it was reached several times)
 * @param marginBalance      the margin balance now
 * @param lossPerHour        (high − now) / hours since the high, in USDT per hour; zero when not falling
 * @param timeToLiquidation  (margin balance − maintenance margin) / lossPerHour; zero when the balance already
 *                           does not cover maintenance; null when not falling
 * @param worstPosition      only with an alert: the cross position that lost most since the high; null when none
 *                           lost or no mark history reaches back to the high
 */
public record DrainReport(boolean alert, BigDecimal dropFraction, BigDecimal peakMarginBalance, Instant peakAt,
                          BigDecimal marginBalance, BigDecimal lossPerHour, Duration timeToLiquidation,
                          DrainContributor worstPosition) {

    public DrainReport {
        Objects.requireNonNull(dropFraction, "dropFraction");
        Objects.requireNonNull(peakMarginBalance, "peakMarginBalance");
        Objects.requireNonNull(peakAt, "peakAt");
        Objects.requireNonNull(marginBalance, "marginBalance");
        Objects.requireNonNull(lossPerHour, "lossPerHour");
    }

    /** Empty when the balance is not falling. */
    public Optional<Duration> estimatedTimeToLiquidation() {
        return Optional.ofNullable(timeToLiquidation);
    }

    public Optional<DrainContributor> worst() {
        return Optional.ofNullable(worstPosition);
    }
}
