package org.marginsentinel.adapter.prices.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.Candles;
import org.marginsentinel.adapter.prices.SourceRequests;

/**
 * Mark-price candles from Binance: hourly ones for volatility, recent ones for charts; under the same guard as its
 * marks (BinanceGuard).
 */
@ApplicationScoped
public class BinanceKlines {

    private final BinanceFuturesClient client;
    private final BinanceGuard guard;
    private final MarkPriceKlinesParser parser;

    @Inject
    public BinanceKlines(@RestClient BinanceFuturesClient client, BinanceGuard guard, ObjectMapper mapper) {
        this.client = client;
        this.guard = guard;
        this.parser = new MarkPriceKlinesParser(mapper);
    }

    /** The closes of the last {@code candles} closed hourly candles, oldest first. */
    @SuppressWarnings("unchecked")
    public List<BigDecimal> hourlyCloses(String symbol, int candles) {
        return guard.call(() -> parser.parse(SourceRequests.body(BinanceMarkSource.NAME, "klines request",
                () -> client.markPriceKlines(symbol, "1h", candles + 1))), List.class);
    }

    /**
     * The last {@code candles} closed candles of {@code interval} ({@code "1m"}, {@code "5m"} …) with their opening
     * times, oldest first.
     */
    @SuppressWarnings("unchecked")
    public List<Candles.Close> recent(String symbol, String interval, int candles) {
        return guard.call(() -> parser.parseTimed(SourceRequests.body(BinanceMarkSource.NAME, "klines request",
                () -> client.markPriceKlines(symbol, interval, candles + 1))), List.class);
    }
}
