package org.marginsentinel.adapter.prices.bybit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.marginsentinel.adapter.prices.ExchangeGuard;
import org.marginsentinel.adapter.prices.PriceFeedConfig;

/** The one fault-tolerance guard of every Bybit call (marks and candles): one circuit breaker for Bybit. */
@Singleton
public class BybitGuard extends ExchangeGuard {

    @Inject
    public BybitGuard(PriceFeedConfig config) {
        super(BybitMarkSource.NAME, config.guard());
    }
}
