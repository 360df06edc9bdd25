package org.marginsentinel.adapter.prices;

import io.smallrye.config.WithDefault;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fault-tolerance guard of one exchange, shared by every call to it (marks and candles): a timeout per
 * attempt, quick retries with exponential back-off for 5xx and timeouts only, and one circuit breaker named
 * after the exchange. Only infrastructure failures (5xx, timeouts, connection errors, unreadable answers) count
 * towards the breaker: a rate limit or region block is the feed's business ({@link SourceGate}), and an unknown
 * symbol must not cut off the others. Settings: {@code sentinel.prices.guard.*}.
 */
public class ExchangeGuard {

    /** {@code sentinel.prices.guard.*}, the same for every exchange. */
    public interface Settings {

        /** Longest wait for one attempt. */
        @WithDefault("3s")
        Duration timeout();

        /** Quick retries after a 5xx or timeout. */
        @WithDefault("2")
        int retries();

        /** Pause before the first retry; it doubles for each further one up to {@code retry-max-delay}. */
        @WithDefault("250ms")
        Duration retryDelay();

        @WithDefault("50ms")
        Duration retryJitter();

        @WithDefault("2s")
        Duration retryMaxDelay();

        /** Longest time spent on one call with its retries. */
        @WithDefault("8s")
        Duration retryMaxDuration();

        /** Calls the breaker looks at: it opens when {@code breaker-failure-ratio} of them failed. */
        @WithDefault("4")
        int breakerRequests();

        @WithDefault("0.75")
        double breakerFailureRatio();

        /** How long an open breaker stays open before one trial call. */
        @WithDefault("60s")
        Duration breakerDelay();
    }

    private final Guard guard;

    protected ExchangeGuard(String exchange, Settings settings) {
        this.guard = Guard.create()
                .withDescription(exchange)
                .withTimeout().duration(settings.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry()
                    .maxRetries(settings.retries())
                    .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(settings.retryJitter().toMillis(), ChronoUnit.MILLIS)
                    .maxDuration(settings.retryMaxDuration().toMillis(), ChronoUnit.MILLIS)
                    .retryOn(List.of(TransientSourceException.class, TimeoutException.class))
                    .withExponentialBackoff().factor(2)
                        .maxDelay(settings.retryMaxDelay().toMillis(), ChronoUnit.MILLIS).done()
                    .done()
                .withCircuitBreaker()
                    .name(exchange)
                    .requestVolumeThreshold(settings.breakerRequests())
                    .failureRatio(settings.breakerFailureRatio())
                    .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .failOn(List.of(TransientSourceException.class, TimeoutException.class,
                            BadPayloadException.class))
                    .done()
                .build();
    }

    /** Runs one call to the exchange under the guard. */
    public <T> T call(Supplier<T> call, Class<T> type) {
        return guard.get(call, type);
    }
}
