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
    private volatile Set<String> pinned;

    @Inject
    public HeldSymbols(RiskMonitor monitor) {
        this(monitor::heldSymbols);
    }

    HeldSymbols(Supplier<Set<String>> source) {
        this.source = source;
    }

    public Set<String> current() {
        Set<String> fixed = pinned;
        return fixed != null ? fixed : symbols;
    }

    /**
     * Uses {@code fixed} instead of the open positions until {@link #unpin()}. For tests of the feed alone,
     * which share the application, and so the positions, with other tests.
     */
    public void pin(Set<String> fixed) {
        pinned = Set.copyOf(fixed);
    }

    public void unpin() {
        pinned = null;
    }

    void refresh() {
        symbols = Set.copyOf(source.get());
    }

    void clear() {
        symbols = Set.of();
    }
}
