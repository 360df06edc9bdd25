package org.marginsentinel.adapter.tiers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Bybit's own risk-limit tiers of every linear symbol, for valuing Bybit accounts the way Bybit does. The engine's
 * {@link TierTable} keeps Bybit's tiers only where Binance lists none; this keeps the whole last fetch (memory only),
 * and before the first fetch falls back to the table's Bybit rows (stored ones survive a restart).
 */
@ApplicationScoped
public class BybitRiskLimits {

    @Inject
    TierTable tiers;

    private volatile Map<String, ListedTiers> fetched = Map.of();

    /** Bybit's tiers of {@code symbol} ("BTCUSDT"), or empty when the bot has none. */
    public Optional<ListedTiers> listed(String symbol) {
        ListedTiers latest = fetched.get(symbol);
        if (latest != null) {
            return Optional.of(latest);
        }
        return tiers.listed(symbol).filter(listed -> TierSource.BYBIT.equals(listed.source().name()));
    }

    void replace(Map<String, ListedTiers> latest) {
        fetched = Map.copyOf(latest);
    }
}
