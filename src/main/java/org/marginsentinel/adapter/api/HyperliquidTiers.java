package org.marginsentinel.adapter.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.marginsentinel.application.port.HyperliquidInfo;
import org.marginsentinel.application.port.InfoUnavailable;
import org.marginsentinel.application.watch.WatchBook;
import org.marginsentinel.domain.margin.HyperliquidMarginRules;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.watch.HyperliquidCoins;
import org.marginsentinel.domain.watch.HyperliquidMarket;

/**
 * Hyperliquid's margin tables for the risk API's {@code "venue": "hyperliquid"}: the market the watcher polled
 * (every 10 s while anyone watches an account), else one {@code metaAndAssetCtxs} fetched here and kept a minute
 * (20 of the 240 weight a minute the poll scheduler leaves unused). Maintenance rates follow from the tables by
 * the watcher's own rules ({@link HyperliquidMarginRules}).
 */
@ApplicationScoped
public class HyperliquidTiers {

    static final Duration FRESH = Duration.ofMinutes(1);

    @Inject
    WatchBook book;

    @Inject
    HyperliquidInfo info;

    @Inject
    Clock clock;

    private HyperliquidMarket fetched;
    private Instant fetchedAt;

    /** The newest market at most a minute old; an older or empty one when Hyperliquid does not answer. */
    synchronized HyperliquidMarket market() {
        Instant now = clock.instant();
        Optional<Instant> polled = book.marketAt();
        if (polled.isPresent() && polled.get().isAfter(now.minus(FRESH))) {
            return book.market();
        }
        if (fetchedAt != null && fetchedAt.isAfter(now.minus(FRESH))) {
            return fetched;
        }
        try {
            fetched = info.market();
            fetchedAt = now;
            return fetched;
        } catch (InfoUnavailable e) {
            return fetched != null ? fetched : book.market();
        }
    }

    /** The Hyperliquid coin an API symbol names ({@code BTCUSDT} → {@code BTC}, {@code 1000PEPEUSDT} → {@code kPEPE}). */
    static Optional<String> coin(HyperliquidMarket market, String symbol) {
        return market.assets().keySet().stream()
                .filter(coin -> HyperliquidCoins.usdtSymbol(coin).map(s -> s.toUpperCase(Locale.ROOT).equals(symbol))
                        .orElse(false))
                .findFirst();
    }

    /** The coin's maintenance schedule by Hyperliquid's rules, when the market lists it. */
    static Optional<TierSchedule> schedule(HyperliquidMarket market, String symbol) {
        return coin(market, symbol).flatMap(market::asset).filter(a -> !a.tiers().isEmpty())
                .map(a -> HyperliquidMarginRules.INSTANCE.schedule(a.tiers()));
    }
}
