package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.SourceRequests;

/** Hourly mark-price candles from Bybit, for volatility, under the same guard as its marks (BybitGuard). */
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
}
