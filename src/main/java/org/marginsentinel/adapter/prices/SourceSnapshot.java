package org.marginsentinel.adapter.prices;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One all-symbol answer of a price source, after validation.
 *
 * @param source   the source's name, e.g. {@code binance}
 * @param marks    valid mark prices of USDT perpetuals, keyed by the symbol each row carried
 * @param symbols  every USDT perpetual the answer listed, including rows whose price was rejected
 * @param rejected one line per rejected row, for logs ("SOLUSDT: mark 'abc' is not a positive number")
 */
public record SourceSnapshot(String source, Map<String, BigDecimal> marks, Set<String> symbols, List<String> rejected) {

    public SourceSnapshot {
        Objects.requireNonNull(source, "source");
        marks = Map.copyOf(marks);
        symbols = Set.copyOf(symbols);
        rejected = List.copyOf(rejected);
    }
}
