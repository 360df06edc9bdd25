package org.marginsentinel.adapter.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Feed staleness for {@code /q/metrics}: {@code sentinel.prices.age} [sentinel_prices_age_seconds], the age of
 * the newest mark (NaN before the first one). Alert when it passes {@code poll-interval × stale-after-polls}.
 * The feed itself meters polls, fetches, failures by reason and fresh/stale symbol counts
 * ({@code sentinel_prices_*}, see {@link org.marginsentinel.adapter.prices.PriceFeed}).
 */
@ApplicationScoped
public class PriceFeedMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    PriceFeedStaleness staleness;

    private Gauge age;

    void register(@Observes StartupEvent event) {
        age = Gauge.builder("sentinel.prices.age", staleness,
                        s -> s.now().newestMarkAge().map(age -> age.toMillis() / 1000.0).orElse(Double.NaN))
                .description("Age of the newest mark price").baseUnit("seconds").register(registry);
    }

    /** Micrometer's global registry outlives the application in tests: a gauge must not keep reading old beans. */
    @PreDestroy
    void unregister() {
        if (age != null) {
            registry.remove(age);
        }
    }
}
