package org.marginsentinel.adapter.prices.volatility;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.marginsentinel.adapter.config.InsightsConfig;
import org.marginsentinel.adapter.prices.binance.BinanceKlines;
import org.marginsentinel.adapter.prices.bybit.BybitKlines;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.application.risk.RiskMonitor;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.RealizedVolatility;

/**
 * Realised volatility per symbol from a week of hourly mark-price candles (Binance, Bybit when Binance cannot
 * answer), cached in memory. A symbol is fetched the first time someone needs it, then refreshed every
 * {@code sentinel.insights.volatility-refresh} while it is held in a position or was asked about within a day.
 * A failed fetch is not repeated for {@code sentinel.insights.volatility-retry}; until then the last good estimate
 * (if any) keeps being served. One request per symbol per refresh, whatever the number of positions.
 */
@ApplicationScoped
public class VolatilityCache implements Volatilities {

    private static final Logger LOG = Logger.getLogger(VolatilityCache.class);
    private static final Duration SAMPLE_INTERVAL = Duration.ofHours(1);
    /** Symbols nobody holds or asked about for this long are no longer refreshed. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private record Entry(DailyVolatility volatility, Instant fetchedAt, Instant failedAt, Instant requestedAt) {
    }

    @Inject
    BinanceKlines binance;

    @Inject
    BybitKlines bybit;

    @Inject
    InsightsConfig config;

    @Inject
    RiskMonitor monitor;

    @Inject
    Clock clock;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    @Override
    public Optional<DailyVolatility> cached(String symbol) {
        Entry entry = symbol == null ? null : entries.get(symbol);
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.volatility());
    }

    @Override
    public Optional<DailyVolatility> lookup(String symbol) {
        Instant now = clock.instant();
        Entry entry = entries.compute(symbol, (s, e) -> e == null ? new Entry(null, null, null, now)
                : new Entry(e.volatility(), e.fetchedAt(), e.failedAt(), now));
        if (due(entry, now)) {
            entry = fetch(symbol, now);
        }
        return Optional.ofNullable(entry.volatility());
    }

    @Override
    public long version() {
        return version.get();
    }

    /** Refreshes every symbol held in a position or asked about lately; the scheduler runs it. */
    @Scheduled(identity = "volatility-refresh", every = "${sentinel.insights.volatility-refresh:1h}", delay = 1,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        try {
            refreshAll();
        } catch (RuntimeException e) {
            LOG.error("Refreshing volatilities failed; trying again at the next refresh", e);
        }
    }

    /** Fetches every due symbol that is held or was asked about within a day; returns how many were fetched. */
    public int refreshAll() {
        Instant now = clock.instant();
        Set<String> symbols = new HashSet<>(monitor.heldSymbols());
        entries.forEach((symbol, entry) -> {
            if (entry.requestedAt() != null && entry.requestedAt().isAfter(now.minus(FORGET_AFTER))) {
                symbols.add(symbol);
            }
        });
        entries.keySet().retainAll(symbols);
        int fetched = 0;
        for (String symbol : symbols) {
            Entry entry = entries.computeIfAbsent(symbol, s -> new Entry(null, null, null, null));
            if (due(entry, now)) {
                fetch(symbol, now);
                fetched++;
            }
        }
        return fetched;
    }

    /** Forgets every estimate. For tests, which share one application. */
    public void reset() {
        entries.clear();
        version.incrementAndGet();
    }

    private boolean due(Entry entry, Instant now) {
        if (entry.failedAt() != null && now.isBefore(entry.failedAt().plus(config.volatilityRetry()))) {
            return false;
        }
        return entry.fetchedAt() == null || !now.isBefore(entry.fetchedAt().plus(config.volatilityRefresh()));
    }

    private Entry fetch(String symbol, Instant now) {
        Optional<List<BigDecimal>> closes = closes(symbol);
        Entry updated = entries.compute(symbol, (s, old) -> {
            Instant requested = old == null ? null : old.requestedAt();
            DailyVolatility previous = old == null ? null : old.volatility();
            return closes.map(c -> new Entry(RealizedVolatility.fromCloses(c, SAMPLE_INTERVAL), now, null, requested))
                    .orElseGet(() -> new Entry(previous, old == null ? null : old.fetchedAt(), now, requested));
        });
        if (closes.isPresent()) {
            version.incrementAndGet();
            LOG.debugf("%s daily volatility %.4f from %d hourly candles", symbol, updated.volatility().daily(),
                    updated.volatility().returns());
        }
        return updated;
    }

    private Optional<List<BigDecimal>> closes(String symbol) {
        int candles = config.volatilityCandles();
        try {
            return Optional.of(binance.hourlyCloses(symbol, candles));
        } catch (RuntimeException binanceFailure) {
            try {
                return Optional.of(bybit.hourlyCloses(symbol, candles));
            } catch (RuntimeException bybitFailure) {
                LOG.infof("No candles for %s (Binance: %s; Bybit: %s); odds for it are unavailable for now", symbol,
                        binanceFailure.getMessage(), bybitFailure.getMessage());
                return Optional.empty();
            }
        }
    }
}
