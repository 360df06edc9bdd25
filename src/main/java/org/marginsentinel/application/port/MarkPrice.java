package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** The latest good mark price of one USDT perpetual, e.g. {@code BTCUSDT}. */
public record MarkPrice(String symbol, BigDecimal price, Instant observedAt, String source) {
    public MarkPrice {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(observedAt, "observedAt");
        Objects.requireNonNull(source, "source");
        if (price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive: " + price);
        }
    }
}
