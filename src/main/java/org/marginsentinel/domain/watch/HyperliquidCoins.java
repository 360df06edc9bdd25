package org.marginsentinel.domain.watch;

import java.util.Optional;

/**
 * Hyperliquid coin names next to the USDT-perpetual symbols the rest of the bot uses (volatilities, /stress
 * arguments): {@code ETH} is {@code ETHUSDT}; Hyperliquid's thousand-unit coins ({@code kPEPE}) are Binance's
 * {@code 1000PEPEUSDT}. Volatility does not depend on the unit, so either names the same market's moves.
 */
public final class HyperliquidCoins {

    private HyperliquidCoins() {
    }

    /** The USDT perpetual's symbol for the coin; empty for a builder-dex coin ({@code xyz:TSLA}). */
    public static Optional<String> usdtSymbol(String coin) {
        if (coin == null || coin.isEmpty() || coin.contains(":")) {
            return Optional.empty();
        }
        if (thousands(coin)) {
            return Optional.of("1000" + coin.substring(1) + "USDT");
        }
        return Optional.of(coin + "USDT");
    }

    /** True when the coin's symbol names {@code symbol} ({@code BTCUSDT} for {@code BTC}). */
    public static boolean sameMarket(String coin, String symbol) {
        return usdtSymbol(coin).map(s -> s.equals(symbol)).orElse(false);
    }

    private static boolean thousands(String coin) {
        return coin.length() > 1 && coin.charAt(0) == 'k' && Character.isUpperCase(coin.charAt(1));
    }
}
