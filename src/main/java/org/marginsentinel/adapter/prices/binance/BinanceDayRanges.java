package org.marginsentinel.adapter.prices.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.JsonBodies;
import org.marginsentinel.adapter.prices.SourceRequests;
import org.marginsentinel.application.port.DayRanges;
import org.marginsentinel.application.port.PriceRange;

/**
 * A symbol's range of the last 24 hours from Binance's hourly mark-price candles (the 24 newest, the forming one
 * included): lowest low to highest high. Kept five minutes per symbol; empty when Binance cannot say.
 */
@ApplicationScoped
public class BinanceDayRanges implements DayRanges {

    private static final Duration KEEP = Duration.ofMinutes(5);

    private record Cached(PriceRange range, Instant at) {
    }

    private final BinanceFuturesClient client;
    private final BinanceGuard guard;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    @Inject
    public BinanceDayRanges(@RestClient BinanceFuturesClient client, BinanceGuard guard, ObjectMapper mapper,
                            Clock clock) {
        this.client = client;
        this.guard = guard;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Optional<PriceRange> last24h(String symbol) {
        Instant now = clock.instant();
        Cached cached = cache.get(symbol);
        if (cached != null && cached.at().plus(KEEP).isAfter(now)) {
            return Optional.of(cached.range());
        }
        try {
            String body = guard.call(() -> SourceRequests.body(BinanceMarkSource.NAME, "24h range request",
                    () -> client.markPriceKlines(symbol, "1h", 24)), String.class);
            Optional<PriceRange> range = parse(mapper, body);
            range.ifPresent(r -> cache.put(symbol, new Cached(r, now)));
            return range;
        } catch (RuntimeException e) {
            Log.debugf("No 24h range of %s from Binance: %s", symbol, e.getMessage());
            return Optional.empty();
        }
    }

    /** Lowest low and highest high of candle rows {@code [openTime, open, high, low, close, …]}; empty if none. */
    static Optional<PriceRange> parse(ObjectMapper mapper, String body) {
        JsonNode rows = JsonBodies.read(mapper, BinanceMarkSource.NAME, body);
        BigDecimal low = null;
        BigDecimal high = null;
        for (JsonNode row : rows) {
            BigDecimal rowHigh = new BigDecimal(row.path(2).asText());
            BigDecimal rowLow = new BigDecimal(row.path(3).asText());
            high = high == null ? rowHigh : high.max(rowHigh);
            low = low == null ? rowLow : low.min(rowLow);
        }
        return low == null || low.signum() <= 0 ? Optional.empty() : Optional.of(new PriceRange(low, high));
    }
}
