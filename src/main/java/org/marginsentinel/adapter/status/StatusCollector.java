package org.marginsentinel.adapter.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
import org.marginsentinel.adapter.monitoring.PriceFeedStaleness;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.application.port.MarkFreshness;
import org.marginsentinel.application.port.MarkPriceHealth;
import org.marginsentinel.application.risk.RiskMonitor;

/**
 * Gathers a {@link StatusReport} from what the service already knows: the readiness checks, the
 * price feed's freshness, the risk engine's counts, the delivery meters, and two small counting
 * queries (accounts, outbox rows by status). Reads only; at most a few hundred rows of held symbols.
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
    PriceFeedStaleness staleness;
    @Inject
    RiskMonitor monitor;
    @Inject
    ChatDirectory chats;
    @Inject
    MeterRegistry registry;
    @Inject
    EntityManager em;
    @Inject
    RecentProblems problems;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public StatusReport collect() {
        Instant now = clock.instant();
        return new StatusReport(now, checks(), prices(now), people(), deliveries(), outbox(), problems.newestFirst());
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
        return new StatusReport.Prices(staleness.now().staleAfter(), failing, sources, held);
    }

    private static StatusReport.HeldMark heldMark(String symbol, MarkFreshness mark) {
        if (mark == null) {
            return new StatusReport.HeldMark(symbol, Optional.empty(), Optional.empty(), Optional.empty(), true);
        }
        return new StatusReport.HeldMark(symbol, Optional.of(mark.mark().price().toPlainString()),
                Optional.of(mark.mark().source()), Optional.of(mark.age()), mark.stale());
    }

    private StatusReport.People people() {
        long accounts = em.createQuery("select count(a) from AccountEntity a", Long.class).getSingleResult();
        ChatDirectory.ActiveCounts active = chats.countActive();
        return new StatusReport.People(accounts, active.privateChats(), active.groups(), monitor.watchedUsers(),
                monitor.watchedPositions());
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

    private Map<String, Long> outbox() {
        Map<String, Long> rows = new TreeMap<>();
        for (Object[] row : em.createQuery("select o.status, count(o) from OutboxMessageEntity o group by o.status",
                Object[].class).getResultList()) {
            rows.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
        }
        return rows;
    }
}
