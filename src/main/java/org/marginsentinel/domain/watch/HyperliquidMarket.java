package org.marginsentinel.domain.watch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.domain.margin.PublishedTier;

/**
 * One {@code metaAndAssetCtxs} answer, per listed (not delisted) coin: its mark, hourly funding rate and
 * margin table.
 */
public record HyperliquidMarket(Map<String, Asset> assets) {

    /**
     * @param tiers the asset's margin table as published tiers (floor, cap, max leverage); maintenance rates are
     *              derived by {@link org.marginsentinel.domain.margin.HyperliquidMarginRules}
     */
    public record Asset(String coin, BigDecimal markPrice, BigDecimal hourlyFunding, int maxLeverage,
                        List<PublishedTier> tiers) {

        public Asset {
            tiers = List.copyOf(tiers);
        }
    }

    public HyperliquidMarket {
        assets = Map.copyOf(assets);
    }

    public static HyperliquidMarket empty() {
        return new HyperliquidMarket(Map.of());
    }

    public Optional<Asset> asset(String coin) {
        return Optional.ofNullable(assets.get(coin));
    }

    public Optional<BigDecimal> mark(String coin) {
        return asset(coin).map(Asset::markPrice);
    }
}
