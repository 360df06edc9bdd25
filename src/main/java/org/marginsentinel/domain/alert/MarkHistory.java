package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The last hour (by default) of mark prices per symbol, one per minute: the last mark recorded in each minute.
 * Older minutes are overwritten, so memory stays at one array of {@code windowMinutes} references per symbol
 * (the marks themselves are the price feed's own objects). Marks are kept as BigDecimal because they feed
 * PnL amounts. Not thread-safe: record and read from one thread, or synchronize.
 */
public final class MarkHistory {

    public static final int DEFAULT_WINDOW_MINUTES = 60;

    private final int windowMinutes;
    private final Map<String, Ring> rings = new HashMap<>();

    public MarkHistory() {
        this(DEFAULT_WINDOW_MINUTES);
    }

    public MarkHistory(int windowMinutes) {
        if (windowMinutes < 2 || windowMinutes > 24 * 60) {
            throw new IllegalArgumentException("windowMinutes must be between 2 and 1440: " + windowMinutes);
        }
        this.windowMinutes = windowMinutes;
    }

    public int windowMinutes() {
        return windowMinutes;
    }

    /**
     * Records the mark of {@code symbol} at {@code at}. A later mark in the same minute replaces the earlier one;
     * a mark older than the symbol's latest minute counts for that latest minute.
     */
    public void record(String symbol, Instant at, BigDecimal markPrice) {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(markPrice, "markPrice");
        if (markPrice.signum() <= 0) {
            throw new IllegalArgumentException("markPrice must be positive: " + markPrice);
        }
        rings.computeIfAbsent(symbol, s -> new Ring(windowMinutes)).record(MinuteClock.minuteOf(at), markPrice);
    }

    /**
     * The mark of {@code symbol} in the minute of {@code at}, or if that minute has none, the earliest one
     * retained after it; empty when nothing that recent is retained.
     */
    public Optional<BigDecimal> markAt(String symbol, Instant at) {
        Ring ring = rings.get(symbol);
        return ring == null ? Optional.empty() : Optional.ofNullable(ring.earliestFrom(MinuteClock.minuteOf(at)));
    }

    /** Stops tracking a symbol (delisted, no longer held by anyone). */
    public void forget(String symbol) {
        rings.remove(symbol);
    }

    /** How many minutes of {@code symbol} are retained; never more than the window. */
    int retainedMinutes(String symbol) {
        Ring ring = rings.get(symbol);
        return ring == null ? 0 : ring.retained();
    }

    private static final class Ring {

        private final BigDecimal[] marks;
        private long latestMinute = Long.MIN_VALUE;

        Ring(int windowMinutes) {
            marks = new BigDecimal[windowMinutes];
        }

        void record(long minute, BigDecimal mark) {
            latestMinute = MinuteClock.advance(marks, latestMinute, minute);
            marks[MinuteClock.slot(latestMinute, marks.length)] = mark;
        }

        BigDecimal earliestFrom(long minute) {
            long from = Math.max(minute, latestMinute - marks.length + 1);
            for (long m = from; m <= latestMinute; m++) {
                BigDecimal mark = marks[MinuteClock.slot(m, marks.length)];
                if (mark != null) {
                    return mark;
                }
            }
            return null;
        }

        int retained() {
            int count = 0;
            for (BigDecimal mark : marks) {
                count += mark == null ? 0 : 1;
            }
            return count;
        }
    }
}
