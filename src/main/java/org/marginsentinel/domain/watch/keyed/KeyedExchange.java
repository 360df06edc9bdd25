package org.marginsentinel.domain.watch.keyed;

/** The exchanges whose futures accounts are watched through a read-only API key (Hyperliquid needs none). */
public enum KeyedExchange {
    BINANCE("Binance"), BYBIT("Bybit"), OKX("OKX");

    private final String displayName;

    KeyedExchange(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
