package org.marginsentinel.application.port;

import java.util.Optional;
import org.marginsentinel.domain.insight.DailyVolatility;

/**
 * Realised daily volatility per symbol (e.g. {@code BTCUSDT}), estimated from recent candles and cached: the
 * estimate is refreshed on a schedule (hourly by default), never per position or per tick.
 */
public interface Volatilities {

    /** The cached estimate, if any, even if due for a refresh. Never makes a network call: safe on every tick. */
    Optional<DailyVolatility> cached(String symbol);

    /**
     * The estimate, fetched now when nothing fresh is cached (and no fetch for the symbol failed recently). May
     * block for a network call; for commands, not for the per-tick path.
     */
    Optional<DailyVolatility> lookup(String symbol);

    /** Grows whenever a cached estimate changes, so a reader can tell cheaply that it should look again. */
    long version();
}
