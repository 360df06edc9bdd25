package org.marginsentinel.adapter.prices;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.function.Supplier;
import org.marginsentinel.application.risk.RiskMonitor;

/**
 * The symbols of open positions, as of the last risk tick: those the feed must never leave without a fresh
 * mark (it asks the fallback for the ones the primary omits) and that readiness reports when stale. Read
 * again by {@link MarksPublisher} after every tick, on the tick's thread, so the poller never waits for the
 * risk monitor's lock; a position opened since then counts from the next tick on.
 */
@ApplicationScoped
public class HeldSymbols {

    private final Supplier<Set<String>> source;
    private volatile Set<String> symbols = Set.of();

    @Inject
    public HeldSymbols(RiskMonitor monitor) {
        this(monitor::heldSymbols);
    }

    HeldSymbols(Supplier<Set<String>> source) {
        this.source = source;
    }

    public Set<String> current() {
        return symbols;
    }

    void refresh() {
        symbols = Set.copyOf(source.get());
    }

    void clear() {
        symbols = Set.of();
    }
}
