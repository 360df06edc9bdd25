package org.marginsentinel.domain.watch.keyed;

import java.util.Locale;

/** An exchange's instrument name as the bot's symbols write it: OKX's "BTC-USDT-SWAP" is "BTCUSDT". Pure. */
public final class KeyedSymbols {

    private KeyedSymbols() {
    }

    public static String usdtSymbol(String exchangeSymbol) {
        String name = exchangeSymbol.toUpperCase(Locale.ROOT);
        if (name.endsWith("-SWAP")) {
            name = name.substring(0, name.length() - "-SWAP".length());
        }
        return name.replace("-", "");
    }

    /** The exchange's USDT perpetual for the bot's {@code symbol}: OKX names "BTCUSDT" "BTC-USDT-SWAP". */
    public static String exchangeSymbol(KeyedExchange exchange, String symbol) {
        if (exchange != KeyedExchange.OKX || !symbol.endsWith("USDT")) {
            return symbol;
        }
        return symbol.substring(0, symbol.length() - "USDT".length()) + "-USDT-SWAP";
    }

    /** The exchange's instrument is the bot's {@code symbol} ("BTCUSDT"). */
    public static boolean sameMarket(String exchangeSymbol, String symbol) {
        return usdtSymbol(exchangeSymbol).equals(symbol);
    }
}
