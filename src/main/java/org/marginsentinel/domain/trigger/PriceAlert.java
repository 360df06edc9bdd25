package org.marginsentinel.domain.trigger;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * "Tell me when BTCUSDT is below 90,000": fires once, on the mark, then is gone.
 *
 * @param id the stored alert's id
 */
public record PriceAlert(long id, long userId, String symbol, Direction direction, BigDecimal level) {

    public PriceAlert {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(level, "level");
        if (level.signum() <= 0) {
            throw new IllegalArgumentException("level must be positive: " + level);
        }
    }

    /** True when this mark of the alert's symbol fires it. */
    public boolean firesAt(BigDecimal mark) {
        return direction.reachedBy(mark, level);
    }
}
