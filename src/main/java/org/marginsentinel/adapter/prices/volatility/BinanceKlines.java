package org.marginsentinel.adapter.prices.volatility;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.SourceRequests;
import org.marginsentinel.adapter.prices.TransientSourceException;
import org.marginsentinel.adapter.prices.binance.BinanceFuturesClient;

/**
 * Hourly mark-price candles from Binance, guarded like the mark poller (timeout, quick retries on 5xx and
 * timeouts, a circuit breaker of its own; only 5xx and timeouts count towards
 * the breaker: an unknown symbol (4xx) must not cut off the others).
 */
@ApplicationScoped
public class BinanceKlines {

    public static final String NAME = "binance";

    private final BinanceFuturesClient client;
    private final KlinesParser parser;

    @Inject
    public BinanceKlines(@RestClient BinanceFuturesClient client, ObjectMapper mapper) {
        this.client = client;
        this.parser = new KlinesParser(mapper);
    }

    /** The closes of the last {@code candles} closed hourly candles, oldest first. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 250, jitter = 50, maxDuration = 6, durationUnit = ChronoUnit.SECONDS,
            retryOn = {TransientSourceException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 1, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, failOn = {TransientSourceException.class, TimeoutException.class})
    public List<BigDecimal> hourlyCloses(String symbol, int candles) {
        String body = SourceRequests.body(NAME, "klines request", () -> client.markPriceKlines(symbol, "1h", candles + 1));
        return parser.binance(body);
    }
}
