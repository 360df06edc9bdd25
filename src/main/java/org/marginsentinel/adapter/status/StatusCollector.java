package org.marginsentinel.adapter.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.marginsentinel.application.port.MarkFreshness;
import org.marginsentinel.application.port.MarkPriceHealth;
import org.marginsentinel.application.risk.RiskMonitor;

/**
 * Gathers a {@link StatusReport} from what the service already knows: the readiness checks, the
 * price feed's freshness (through the {@link MarkPriceHealth} port), the risk engine's counts and
 * the meters other adapters publish (chats, messages queued and sent). It touches no other adapter
 * and reads no table.
 */
@ApplicationScoped
public class StatusCollector {

    static final int MAX_HELD_SYMBOLS = 100;
    private static final List<String> KINDS = List.of("critical", "warning", "reply", "other");

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> readiness;
    @Inject
    MarkPriceHealth prices;
    @Inject
    RiskMonitor monitor;
    @Inject
    MeterRegistry registry;
    @Inject
    RecentProblems problems;
    @Inject
    Clock clock;

    public StatusReport collect() {
        Instant now = clock.instant();
        return new StatusReport(now, checks(), prices(now), people(), deliveries(), problems.newestFirst());
    }

    private List<StatusReport.Check> checks() {
        List<StatusReport.Check> checks = new ArrayList<>();
        for (HealthCheck check : readiness) {
            HealthCheckResponse response;
            try {
                response = check.call();
            } catch (RuntimeException e) {
                checks.add(new StatusReport.Check(check.getClass().getSimpleName(), false,
                        Map.of("error", String.valueOf(e))));
                continue;
            }
            Map<String, Object> data = new TreeMap<>(response.getData().orElse(Map.of()));
            checks.add(new StatusReport.Check(response.getName(),
                    response.getStatus() == HealthCheckResponse.Status.UP, data));
        }
        checks.sort(Comparator.comparing(StatusReport.Check::name));
        return checks;
    }

    private StatusReport.Prices prices(Instant now) {
        Map<String, MarkFreshness> all = prices.freshness();
        Map<String, List<MarkFreshness>> bySource = new TreeMap<>();
        for (MarkFreshness mark : all.values()) {
            bySource.computeIfAbsent(mark.mark().source(), s -> new ArrayList<>()).add(mark);
        }
        List<StatusReport.Source> sources = new ArrayList<>();
        bySource.forEach((source, marks) -> sources.add(new StatusReport.Source(source, marks.size(),
                (int) marks.stream().filter(m -> !m.stale()).count(),
                marks.stream().map(MarkFreshness::age).min(Comparator.naturalOrder()).orElse(Duration.ZERO))));
        List<StatusReport.HeldMark> held = monitor.heldSymbols().stream().sorted().limit(MAX_HELD_SYMBOLS)
                .map(symbol -> heldMark(symbol, all.get(symbol))).toList();
        Optional<Duration> failing = prices.deadSince().map(since -> Duration.between(since, now))
                .map(d -> d.isNegative() ? Duration.ZERO : d);
        return new StatusReport.Prices(prices.staleAfter(), failing, sources, held);
    }

    private static StatusReport.HeldMark heldMark(String symbol, MarkFreshness mark) {
        if (mark == null) {
            return new StatusReport.HeldMark(symbol, Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
        return new StatusReport.HeldMark(symbol, Optional.of(mark.mark().price().toPlainString()),
                Optional.of(mark.mark().source()), Optional.of(mark.age()), mark.stale());
    }

    /** Chats are counted by the Telegram adapter every minute (its sentinel.telegram.chats.active gauge). */
    private StatusReport.People people() {
        return new StatusReport.People(gauge("sentinel.telegram.chats.active", "private"),
                gauge("sentinel.telegram.chats.active", "group"), monitor.watchedUsers(), monitor.watchedPositions());
    }

    private long gauge(String meter, String type) {
        Gauge gauge = registry.find(meter).tag("type", type).gauge();
        return gauge == null ? 0 : (long) gauge.value();
    }

    private List<StatusReport.Delivery> deliveries() {
        return KINDS.stream().map(kind -> new StatusReport.Delivery(kind,
                count("sentinel.telegram.messages.queued", kind), count("sentinel.telegram.messages.sent", kind)))
                .toList();
    }

    private long count(String meter, String kind) {
        Counter counter = registry.find(meter).tag("kind", kind).counter();
        return counter == null ? 0 : (long) counter.count();
    }

}
