package org.marginsentinel.adapter.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.marginsentinel.application.risk.RiskMonitor;
import org.marginsentinel.application.risk.TickCompleted;

/**
 * Meters of the risk engine (Prometheus names in brackets):
 * <ul>
 *   <li>{@code sentinel.risk.ticks} [sentinel_risk_ticks_total]: price updates evaluated against every open position;</li>
 *   <li>{@code sentinel.risk.evaluation} [sentinel_risk_evaluation_seconds_*]: how long one tick took, with
 *       histogram buckets from 10 ms to 1 s (the target is 100 ms);</li>
 *   <li>{@code sentinel.risk.candidates} [sentinel_risk_candidates_total]: subjects the screen sent to an exact check;</li>
 *   <li>{@code sentinel.risk.warnings} [sentinel_risk_warnings_total]: warnings ticks decided to send (queued in
 *       the outbox: see sentinel_telegram_messages_queued_total);</li>
 *   <li>{@code sentinel.risk.liquidations} [sentinel_risk_liquidations_total]: paper liquidations;</li>
 *   <li>{@code sentinel.users.watched} [sentinel_users_watched]: users with at least one open position, the
 *       active users the engine works for; {@code sentinel.positions.watched} [sentinel_positions_watched].</li>
 * </ul>
 */
@ApplicationScoped
public class RiskMetrics {

    @Inject
    MeterRegistry registry;
    @Inject
    RiskMonitor monitor;

    private Counter ticks;
    private Timer evaluation;
    private Counter candidates;
    private Counter warnings;
    private Counter liquidations;
    private List<Gauge> gauges = List.of();
    /** Set last in register(): a tick on another thread during start-up must not see half the meters. */
    private volatile boolean registered;

    void register(@Observes StartupEvent event) {
        ticks = Counter.builder("sentinel.risk.ticks").description("Risk ticks (price updates evaluated)")
                .register(registry);
        evaluation = Timer.builder("sentinel.risk.evaluation").description("Time to evaluate one tick")
                .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1))
                .register(registry);
        candidates = Counter.builder("sentinel.risk.candidates")
                .description("Subjects the screen sent to an exact check").register(registry);
        warnings = Counter.builder("sentinel.risk.warnings").description("Warnings decided by risk ticks")
                .register(registry);
        liquidations = Counter.builder("sentinel.risk.liquidations").description("Paper liquidations")
                .register(registry);
        gauges = List.of(
                Gauge.builder("sentinel.users.watched", monitor, RiskMonitor::watchedUsers)
                        .description("Users with at least one open position").register(registry),
                Gauge.builder("sentinel.positions.watched", monitor, RiskMonitor::watchedPositions)
                        .description("Open positions in the risk index").register(registry));
        registered = true;
    }

    /** Micrometer's global registry outlives the application in tests: a gauge must not keep reading old beans. */
    @PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    void onTick(@Observes TickCompleted tick) {
        if (!registered) {
            return; // a tick before start-up finished
        }
        ticks.increment();
        evaluation.record(tick.took());
        candidates.increment(tick.report().candidates());
        warnings.increment(tick.report().warningsQueued());
        liquidations.increment(tick.report().liquidations());
    }
}
