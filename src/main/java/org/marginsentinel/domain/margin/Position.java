package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A linear (USDT-settled) perpetual position in one-way mode.
 *
 * @param quantity       size in the base asset, always positive; the side gives the direction
 * @param isolatedMargin the isolated wallet of an isolated position (initial margin plus margin added,
 *                       minus margin removed); null for cross positions
 */
public record Position(String id, String symbol, Side side, BigDecimal quantity, BigDecimal entryPrice, int leverage,
                       MarginMode marginMode, BigDecimal isolatedMargin) {

    public static final int MAX_LEVERAGE = 125;

    public Position {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(entryPrice, "entryPrice");
        Objects.requireNonNull(marginMode, "marginMode");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        if (entryPrice.signum() <= 0) {
            throw new IllegalArgumentException("entryPrice must be positive: " + entryPrice);
        }
        if (leverage < 1 || leverage > MAX_LEVERAGE) {
            throw new IllegalArgumentException("leverage must be between 1 and " + MAX_LEVERAGE + ": " + leverage);
        }
        if (marginMode == MarginMode.CROSS) {
            isolatedMargin = null;
        } else if (isolatedMargin == null) {
            isolatedMargin = Decimals.divide(quantity.multiply(entryPrice), BigDecimal.valueOf(leverage));
        } else if (isolatedMargin.signum() <= 0) {
            throw new IllegalArgumentException("isolatedMargin must be positive: " + isolatedMargin);
        }
    }

    public static Position isolated(String id, String symbol, Side side, BigDecimal quantity, BigDecimal entryPrice,
                                    int leverage) {
        return new Position(id, symbol, side, quantity, entryPrice, leverage, MarginMode.ISOLATED, null);
    }

    public static Position cross(String id, String symbol, Side side, BigDecimal quantity, BigDecimal entryPrice,
                                 int leverage) {
        return new Position(id, symbol, side, quantity, entryPrice, leverage, MarginMode.CROSS, null);
    }

    public boolean isIsolated() {
        return marginMode == MarginMode.ISOLATED;
    }

    public BigDecimal entryNotional() {
        return quantity.multiply(entryPrice);
    }

    public BigDecimal notionalAt(BigDecimal markPrice) {
        return quantity.multiply(markPrice);
    }

    /** The margin the exchange asks for when the position is opened: entry notional / leverage. */
    public BigDecimal initialMargin() {
        return Decimals.divide(entryNotional(), BigDecimal.valueOf(leverage));
    }

    public BigDecimal unrealizedPnl(BigDecimal markPrice) {
        return side.signDecimal().multiply(quantity).multiply(markPrice.subtract(entryPrice));
    }

    public Position withIsolatedMargin(BigDecimal newMargin) {
        return new Position(id, symbol, side, quantity, entryPrice, leverage, marginMode, newMargin);
    }
}
