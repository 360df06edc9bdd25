package org.marginsentinel.adapter.prices;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.marginsentinel.application.port.FundingRate;

/**
 * One all-symbol answer of a price source, after validation.
 *
 * @param source   the source's name, e.g. {@code binance}
 * @param marks    valid mark prices of USDT perpetuals, keyed by the symbol each row carried
 * @param symbols  every USDT perpetual the answer listed, including rows whose price was rejected
 * @param rejected one line per rejected row, for logs ("SOLUSDT: mark 'abc' is not a positive number")
 * @param times    the exchange's own timestamp of each mark, where the answer gave one (Binance per row,
 *                 Bybit per answer)
 * @param funding  the announced funding of each symbol that carried a readable one
 */
public record SourceSnapshot(String source, Map<String, BigDecimal> marks, Set<String> symbols, List<String> rejected,
        Map<String, Instant> times, Map<String, FundingRate> funding) {

    public SourceSnapshot {
        Objects.requireNonNull(source, "source");
        marks = Map.copyOf(marks);
        symbols = Set.copyOf(symbols);
        rejected = List.copyOf(rejected);
        times = Map.copyOf(times);
        funding = Map.copyOf(funding);
    }

    public SourceSnapshot(String source, Map<String, BigDecimal> marks, Set<String> symbols, List<String> rejected,
                          Map<String, Instant> times) {
        this(source, marks, symbols, rejected, times, Map.of());
    }

    public SourceSnapshot(String source, Map<String, BigDecimal> marks, Set<String> symbols, List<String> rejected) {
        this(source, marks, symbols, rejected, Map.of(), Map.of());
    }

    /** When the exchange says it computed the symbol's mark, never later than {@code received}. */
    public Instant observedAt(String symbol, Instant received) {
        Instant time = times.get(symbol);
        return time == null || time.isAfter(received) ? received : time;
    }
}
