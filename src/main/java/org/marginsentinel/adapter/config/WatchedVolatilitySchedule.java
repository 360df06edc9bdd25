package org.marginsentinel.adapter.config;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.application.watch.WatchBook;
import org.marginsentinel.domain.watch.HyperliquidCoins;

/**
 * Keeps the volatilities of the coins held in watched Hyperliquid accounts cached, so their odds of liquidation,
 * the odds trigger and the survival advice work as for paper positions, read from the cache on each poll (never
 * fetched there). A lookup fetches only what is due (hourly by default); asking keeps the symbol refreshed.
 */
@ApplicationScoped
public class WatchedVolatilitySchedule {

    private static final Logger LOG = Logger.getLogger(WatchedVolatilitySchedule.class);

    @Inject
    WatchBook book;

    @Inject
    Volatilities volatilities;

    @Scheduled(every = "10m", delay = 20, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            identity = "watched-volatilities", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        Set<String> symbols = new TreeSet<>();
        book.all().forEach(account -> account.state().positions().forEach(p ->
                HyperliquidCoins.usdtSymbol(p.coin()).ifPresent(symbols::add)));
        for (String symbol : symbols) {
            try {
                volatilities.lookup(symbol);
            } catch (RuntimeException e) {
                LOG.warnf("Volatility of %s for watched accounts unavailable: %s", symbol, e.toString());
            }
        }
    }
}
