package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.Candles;
import org.marginsentinel.adapter.prices.SourceRequests;

/**
 * Mark-price candles from Bybit: hourly ones for volatility, recent ones for charts; under the same guard as its
 * marks (BybitGuard).
 */
@ApplicationScoped
public class BybitKlines {

    private final BybitMarketClient client;
    private final BybitGuard guard;
    private final MarkPriceKlineParser parser;

    @Inject
    public BybitKlines(@RestClient BybitMarketClient client, BybitGuard guard, ObjectMapper mapper) {
        this.client = client;
        this.guard = guard;
        this.parser = new MarkPriceKlineParser(mapper);
    }

    /** The closes of the last {@code candles} closed hourly candles, oldest first. */
    @SuppressWarnings("unchecked")
    public List<BigDecimal> hourlyCloses(String symbol, int candles) {
        return guard.call(() -> parser.parse(SourceRequests.body(BybitMarkSource.NAME, "klines request",
                () -> client.markPriceKline("linear", symbol, "60", candles + 1))), List.class);
    }

    /**
     * The last {@code candles} closed candles of {@code intervalMinutes} with their opening times, oldest first
     * (Bybit names intervals in minutes: {@code "1"}, {@code "5"} …; at most 1,000 candles).
     */
    @SuppressWarnings("unchecked")
    public List<Candles.Close> recent(String symbol, int intervalMinutes, int candles) {
        return guard.call(() -> parser.parseTimed(SourceRequests.body(BybitMarkSource.NAME, "klines request",
                () -> client.markPriceKline("linear", symbol, String.valueOf(intervalMinutes), candles + 1))),
                List.class);
    }
}
