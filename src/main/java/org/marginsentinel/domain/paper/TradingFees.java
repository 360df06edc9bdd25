package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The taker fee every paper fill pays, as Binance USDⓈ-M charges it: {@code quantity × fill price × rate}, taken
 * from the wallet (for an isolated position too: its margin stays the initial margin). Regular-tier taker rate
 * 0.05%; makers are not modelled (every paper order fills at once, as a market order would).
 */
public record TradingFees(BigDecimal takerRate) {

    /** Binance USDⓈ-M, regular user (VIP 0), taker, paid in USDT. */
    public static final TradingFees BINANCE_REGULAR = new TradingFees(new BigDecimal("0.0005"));
    /** No fees, for tests that check other rules with round numbers. */
    public static final TradingFees NONE = new TradingFees(BigDecimal.ZERO);

    public TradingFees {
        Objects.requireNonNull(takerRate, "takerRate");
        if (takerRate.signum() < 0 || takerRate.compareTo(new BigDecimal("0.01")) > 0) {
            throw new IllegalArgumentException("taker fee rate must be between 0 and 0.01 (1%): " + takerRate);
        }
    }

    /** The fee of one fill, exact (no rounding: it is booked to 18 decimals like every other amount). */
    public BigDecimal taker(BigDecimal quantity, BigDecimal price) {
        return quantity.abs().multiply(price).multiply(takerRate);
    }
}
