package org.marginsentinel.domain.insight;

import java.time.Duration;
import java.util.Objects;

/**
 * Realised volatility of a symbol's log price, scaled to one day: the standard deviation of the
 * one-day log return it implies. 0.03 means a typical day moves the price by about 3%.
 *
 * @param daily          σ per √day, never negative
 * @param returns        how many log returns the estimate rests on
 * @param sampleInterval the candle length the returns were measured over
 */
public record DailyVolatility(double daily, int returns, Duration sampleInterval) {

    public DailyVolatility {
        Objects.requireNonNull(sampleInterval, "sampleInterval");
        if (!Double.isFinite(daily) || daily < 0) {
            throw new IllegalArgumentException("daily volatility must be finite and not negative: " + daily);
        }
        if (returns < 1) {
            throw new IllegalArgumentException("returns must be at least 1: " + returns);
        }
        if (sampleInterval.isZero() || sampleInterval.isNegative()) {
            throw new IllegalArgumentException("sampleInterval must be positive: " + sampleInterval);
        }
    }

    /** σ over {@code horizon}: daily × √(horizon in days), the square-root-of-time rule of a random walk. */
    public double over(Duration horizon) {
        return daily * Math.sqrt(days(horizon));
    }

    static double days(Duration duration) {
        return duration.toNanos() / (double) Duration.ofDays(1).toNanos();
    }
}
