package org.marginsentinel.adapter.tiers;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.marginsentinel.application.port.TiersChanged;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Keeps the in-memory {@link TierTable} and the {@code maintenance_tier} table in step. At start: every symbol
 * takes the newer of the stored tiers and the snapshot shipped in the jar (the table is seeded on first run), before
 * the risk index is loaded. Then, only with a deployer's read-only Binance key, at start and every
 * {@code sentinel.tiers.refresh-interval}: fresh brackets from Binance, stored and swapped in. A failed refresh
 * keeps the tiers we have (their date says how old they are) and logs one line. Bybit's public risk limits (no key)
 * fill in the symbols Binance's brackets do not list, on the same schedule.
 */
@ApplicationScoped
public class TierRefresher {

    @Inject
    TierTable tiers;

    @Inject
    JdbcTierStore store;

    @Inject
    Clock clock;

    @Inject
    Event<TiersChanged> tiersChanged;

    @Inject
    BybitRiskLimits bybitRiskLimits;

    @ConfigProperty(name = "sentinel.binance.api-key")
    Optional<String> apiKey;

    @ConfigProperty(name = "sentinel.binance.api-secret")
    Optional<String> apiSecret;

    @ConfigProperty(name = "sentinel.tiers.binance-url")
    String binanceUrl;

    @ConfigProperty(name = "sentinel.tiers.bybit-refresh", defaultValue = "true")
    boolean bybitRefresh;

    @ConfigProperty(name = "sentinel.tiers.bybit-url")
    String bybitUrl;

    /** Runs before the risk index is built (RiskMonitorStartup has the default priority). */
    void onStart(@Observes @Priority(10) StartupEvent event) {
        loadStored();
    }

    /** Merges the stored tiers with the shipped ones (newer date wins per symbol) and writes back the shipped winners. */
    public void loadStored() {
        Map<String, ListedTiers> stored = store.loadAll();
        Map<String, ListedTiers> shippedNewer = new LinkedHashMap<>();
        tiers.entries().forEach((symbol, shipped) -> {
            if (JdbcTierStore.newer(shipped, stored.get(symbol))) {
                shippedNewer.put(symbol, shipped);
            }
        });
        store.replace(shippedNewer);
        Map<String, ListedTiers> storedNewer = new LinkedHashMap<>(stored);
        storedNewer.keySet().removeAll(shippedNewer.keySet());
        tiers.update(storedNewer);
        Log.infof("Maintenance-margin tiers: %d symbols (%d from the database, %d from the shipped snapshot)",
                tiers.listedSymbols().size(), storedNewer.size(), shippedNewer.size());
    }

    @Scheduled(every = "${sentinel.tiers.refresh-interval:24h}", identity = "tier-refresh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (configured()) {
            refresh();
        }
    }

    /** Fetches Binance's brackets now; returns how many symbols were refreshed (0 when it failed or has no key). */
    public int refresh() {
        if (!configured()) {
            return 0;
        }
        BinanceBracketClient client = new BinanceBracketClient(URI.create(binanceUrl), apiKey.get().trim(),
                apiSecret.get().trim(), clock, Duration.ofSeconds(10));
        try {
            Map<String, ListedTiers> fresh = client.fetch();
            store.replace(fresh);
            swapIn(fresh);
            Log.infof("Binance brackets refreshed for %d symbols", fresh.size());
            return fresh.size();
        } catch (BinanceBracketClient.BracketFetchFailed e) {
            Log.warnf("Binance brackets not refreshed, keeping the tiers we have: %s", e.getMessage());
            return 0;
        }
    }

    @Scheduled(every = "${sentinel.tiers.refresh-interval:24h}", identity = "bybit-tier-refresh",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledBybitRefresh() {
        if (bybitRefresh) {
            refreshBybit();
        }
    }

    /**
     * Bybit's public tiers for the symbols Binance's brackets do not list (Binance's always win: the engine follows
     * Binance's rules); returns how many symbols were taken. All of them are kept in {@link BybitRiskLimits}, for
     * valuing watched Bybit accounts.
     */
    public int refreshBybit() {
        BybitRiskLimitClient client = new BybitRiskLimitClient(URI.create(bybitUrl), clock, Duration.ofSeconds(10));
        try {
            Map<String, ListedTiers> fresh = new LinkedHashMap<>(client.fetch());
            bybitRiskLimits.replace(fresh);
            fresh.keySet().removeIf(symbol -> tiers.listed(symbol)
                    .map(listed -> !listed.source().name().equals(BybitRiskLimitClient.SOURCE)).orElse(false));
            store.replace(fresh);
            swapIn(fresh);
            Log.infof("Bybit risk limits taken for %d symbols without Binance brackets", fresh.size());
            return fresh.size();
        } catch (BybitRiskLimitClient.TierFetchFailed e) {
            Log.warnf("Bybit risk limits not refreshed, keeping the tiers we have: %s", e.getMessage());
            return 0;
        }
    }

    /** Takes the fresh tiers and tells the risk index which symbols now have other tiers than before. */
    private void swapIn(Map<String, ListedTiers> fresh) {
        Set<String> changed = new HashSet<>();
        fresh.forEach((symbol, listed) -> {
            if (!tiers.listedSchedule(symbol).equals(Optional.of(listed.schedule()))) {
                changed.add(symbol);
            }
        });
        tiers.update(fresh);
        if (!changed.isEmpty()) {
            tiersChanged.fire(new TiersChanged(changed));
        }
    }

    private boolean configured() {
        return apiKey.filter(k -> !k.isBlank()).isPresent() && apiSecret.filter(s -> !s.isBlank()).isPresent();
    }
}
