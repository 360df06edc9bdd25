package org.marginsentinel.adapter.prices.binance;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.marginsentinel.adapter.prices.ExchangeGuard;
import org.marginsentinel.adapter.prices.PriceFeedConfig;

/** The one fault-tolerance guard of every Binance call (marks and candles): one circuit breaker for Binance. */
@Singleton
public class BinanceGuard extends ExchangeGuard {

    @Inject
    public BinanceGuard(PriceFeedConfig config) {
        super(BinanceMarkSource.NAME, config.guard());
    }
}
