package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.List;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;

/** Past marks from the exchanges' mark-price candles, so a chart works before the bot has sampled a symbol. */
public interface MarkCandles {

    /**
     * The symbol's marks from {@code from} to {@code now}, oldest first: one per closed candle at its closing time
     * (one-minute candles, coarser over long spans). Empty when no exchange answers; never throws.
     */
    List<MarkSample> between(String symbol, Instant from, Instant now);
}
