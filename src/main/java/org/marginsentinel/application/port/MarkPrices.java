package org.marginsentinel.application.port;

import java.util.Map;
import java.util.Optional;

/**
 * Where the bot gets mark prices. Callers never know which exchange (or fake) is behind it.
 * Symbols are exchange symbols such as {@code BTCUSDT}.
 */
public interface MarkPrices {

    /** The latest good mark of the symbol, if one is known and fresh. */
    Optional<MarkPrice> latest(String symbol);

    /** Every fresh mark, keyed by symbol. */
    Map<String, MarkPrice> all();

    /** True when the symbol is a tradable USDT perpetual the feed knows (fresh or not). */
    boolean isKnownSymbol(String symbol);
}
