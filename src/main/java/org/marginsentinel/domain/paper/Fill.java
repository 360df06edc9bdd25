package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/** A paper order filled at one price: what the trader asked the bot to open. */
public record Fill(String symbol, Side side, BigDecimal quantity, BigDecimal price, int leverage, MarginMode marginMode) {

    public Fill {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(marginMode, "marginMode");
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (price == null || price.signum() <= 0) {
            throw new IllegalArgumentException("price must be positive");
        }
        if (leverage < 1 || leverage > Position.MAX_LEVERAGE) {
            throw new IllegalArgumentException("leverage must be between 1 and " + Position.MAX_LEVERAGE);
        }
    }
}
