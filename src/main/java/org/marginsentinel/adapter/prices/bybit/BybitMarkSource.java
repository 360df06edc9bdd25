package org.marginsentinel.adapter.prices.bybit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.marginsentinel.adapter.prices.MarkSource;
import org.marginsentinel.adapter.prices.RateLimitedException;
import org.marginsentinel.adapter.prices.RegionBlockedException;
import org.marginsentinel.adapter.prices.SourceRequests;
import org.marginsentinel.adapter.prices.SourceSnapshot;
import org.marginsentinel.adapter.prices.TransientSourceException;

/**
 * Bybit linear marks, guarded like {@code BinanceMarkSource} with a circuit breaker of its own.
 *
 * <p>Test overrides use the keys
 * {@code quarkus.fault-tolerance."org.marginsentinel.adapter.prices.bybit.BybitMarkSource/fetch".<strategy>.<property>}.
 */
@ApplicationScoped
public class BybitMarkSource implements MarkSource {

    public static final String NAME = "bybit";

    private final BybitMarketClient client;
    private final TickersParser parser;

    @Inject
    public BybitMarkSource(@RestClient BybitMarketClient client, ObjectMapper mapper) {
        this.client = client;
        this.parser = new TickersParser(mapper);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String displayName() {
        return "Bybit";
    }

    @Override
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 250, jitter = 50, maxDuration = 8, durationUnit = ChronoUnit.SECONDS,
            retryOn = {TransientSourceException.class, TimeoutException.class})
    @ExponentialBackoff(factor = 2, maxDelay = 2, maxDelayUnit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            successThreshold = 1, skipOn = {RateLimitedException.class, RegionBlockedException.class})
    public SourceSnapshot fetch() {
        String body = SourceRequests.body(NAME, "request", () -> client.tickers("linear"));
        return parser.parse(body);
    }
}
