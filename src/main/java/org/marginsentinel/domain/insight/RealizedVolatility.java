package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Estimates {@link DailyVolatility} from a series of closing prices taken at a fixed interval (candles).
 *
 * <p>With log returns rᵢ = ln(Cᵢ / Cᵢ₋₁), the per-interval variance is Σ rᵢ² / n: the mean is taken as zero,
 * the same driftless assumption the odds model makes (over hours and days, a sample mean is mostly noise
 * and subtracting it would understate risk after a trend). The daily σ scales that by √(intervals per day).
 */
public final class RealizedVolatility {

    private RealizedVolatility() {
    }

    /**
     * @param closes   closing prices, oldest first, all positive; at least two
     * @param interval time between two closes (the candle length)
     */
    public static DailyVolatility fromCloses(List<BigDecimal> closes, Duration interval) {
        Objects.requireNonNull(closes, "closes");
        Objects.requireNonNull(interval, "interval");
        if (closes.size() < 2) {
            throw new IllegalArgumentException("need at least two closes, got " + closes.size());
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        double sumOfSquares = 0;
        double previous = positive(closes.get(0));
        for (int i = 1; i < closes.size(); i++) {
            double close = positive(closes.get(i));
            double logReturn = Math.log(close / previous);
            sumOfSquares += logReturn * logReturn;
            previous = close;
        }
        int returns = closes.size() - 1;
        double perInterval = Math.sqrt(sumOfSquares / returns);
        double intervalsPerDay = 1 / DailyVolatility.days(interval);
        return new DailyVolatility(perInterval * Math.sqrt(intervalsPerDay), returns, interval);
    }

    private static double positive(BigDecimal close) {
        Objects.requireNonNull(close, "close");
        if (close.signum() <= 0) {
            throw new IllegalArgumentException("closes must be positive: " + close);
        }
        return close.doubleValue();
    }
}
