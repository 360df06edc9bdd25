package org.marginsentinel.adapter.prices;

/** One exchange's all-symbol mark-price endpoint. */
public interface MarkSource {

    /** Stable lower-case name, used as {@code MarkPrice.source()} and in metrics: {@code binance}. */
    String name();

    /** Name for log lines: {@code Binance}. */
    String displayName();

    /** The order in which the feed asks the sources: the lowest first (the primary). */
    int priority();

    /**
     * One request for every symbol's mark.
     *
     * @throws PriceSourceException (or a fault-tolerance exception such as a timeout or an open
     *                              circuit) when no usable answer came back
     */
    SourceSnapshot fetch();
}
