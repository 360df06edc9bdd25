package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.util.Objects;

/** The lowest and highest price of a symbol over a period (the last 24 hours). */
public record PriceRange(BigDecimal low, BigDecimal high) {
    public PriceRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.compareTo(high) > 0) {
            throw new IllegalArgumentException("low above high: " + low + " > " + high);
        }
    }

    public boolean contains(BigDecimal price) {
        return price.compareTo(low) >= 0 && price.compareTo(high) <= 0;
    }
}
