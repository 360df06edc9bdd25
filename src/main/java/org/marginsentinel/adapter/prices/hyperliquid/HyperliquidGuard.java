package org.marginsentinel.adapter.prices.hyperliquid;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.marginsentinel.adapter.prices.ExchangeGuard;
import org.marginsentinel.adapter.prices.PriceFeedConfig;

/** The one fault-tolerance guard of every Hyperliquid call: one circuit breaker for Hyperliquid. */
@Singleton
public class HyperliquidGuard extends ExchangeGuard {

    @Inject
    public HyperliquidGuard(PriceFeedConfig config) {
        super(HyperliquidJson.SOURCE, config.guard());
    }
}
