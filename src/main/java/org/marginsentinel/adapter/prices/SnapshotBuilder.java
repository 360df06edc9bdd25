package org.marginsentinel.adapter.prices;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.application.port.FundingRate;
import org.marginsentinel.domain.market.Symbols;

/**
 * Collects the rows of one source answer. Each row is keyed by its own symbol; a symbol that
 * shows up twice with different marks is dropped, because we cannot tell which row is right.
 */
public final class SnapshotBuilder {

    private final String source;
    private final Map<String, BigDecimal> marks = new LinkedHashMap<>();
    private final Map<String, Instant> times = new LinkedHashMap<>();
    private final Set<String> symbols = new HashSet<>();
    private final Set<String> conflicting = new HashSet<>();
    private final List<String> rejected = new ArrayList<>();
    private final Map<String, FundingRate> funding = new LinkedHashMap<>();

    public SnapshotBuilder(String source) {
        this.source = source;
    }

    /** Adds a USDT perpetual row; callers skip rows that are not USDT perpetuals. */
    public void add(String symbol, String rawMark) {
        add(symbol, rawMark, null);
    }

    /**
     * Adds a USDT perpetual row with the exchange's timestamp of it (epoch millis; null or not positive when
     * the answer gave none).
     */
    public void add(String symbol, String rawMark, Long exchangeMillis) {
        if (!Symbols.isUsdtSymbol(symbol)) {
            return;
        }
        symbols.add(symbol);
        if (conflicting.contains(symbol)) {
            return;
        }
        Optional<BigDecimal> mark = PriceText.parse(rawMark);
        if (mark.isEmpty()) {
            rejected.add(symbol + ": mark " + quoted(rawMark) + " is not a positive number");
            return;
        }
        BigDecimal earlier = marks.putIfAbsent(symbol, mark.get());
        if (earlier == null && exchangeMillis != null && exchangeMillis > 0) {
            times.put(symbol, Instant.ofEpochMilli(exchangeMillis));
        }
        if (earlier != null && earlier.compareTo(mark.get()) != 0) {
            marks.remove(symbol);
            times.remove(symbol);
            conflicting.add(symbol);
            rejected.add(symbol + ": listed twice with different marks (" + earlier + ", " + mark.get() + ")");
        }
    }

    /**
     * The row's announced funding (rate as a decimal fraction, next funding time in epoch millis); ignored when
     * either is missing or unreadable: funding then waits for a readable answer.
     */
    public void funding(String symbol, String rawRate, Long nextFundingMillis) {
        if (!Symbols.isUsdtSymbol(symbol) || rawRate == null || nextFundingMillis == null || nextFundingMillis <= 0) {
            return;
        }
        try {
            BigDecimal rate = new BigDecimal(rawRate.strip());
            if (rate.abs().compareTo(BigDecimal.ONE) < 0) {
                funding.put(symbol, new FundingRate(symbol, rate, Instant.ofEpochMilli(nextFundingMillis)));
            }
        } catch (NumberFormatException e) {
            // an unreadable rate is no rate
        }
    }

    /** Notes a row that could not be read at all. */
    public void reject(String description) {
        rejected.add(description);
    }

    /**
     * The snapshot.
     *
     * @throws BadPayloadException when not a single row carried a valid mark
     */
    public SourceSnapshot build() {
        if (marks.isEmpty()) {
            throw new BadPayloadException(source, "no valid USDT perpetual mark in the answer"
                    + (rejected.isEmpty() ? "" : "; rejected: " + String.join("; ", rejected.subList(0, Math.min(3, rejected.size())))));
        }
        return new SourceSnapshot(source, marks, symbols, rejected, times, funding);
    }

    private static String quoted(String raw) {
        return raw == null ? "null" : "'" + HttpFailures.snippet(raw) + "'";
    }
}
