package org.marginsentinel.adapter.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.marginsentinel.domain.paper.TradingFees;

/** The taker fee paper fills pay: Binance's regular 0.05% unless {@code sentinel.paper.taker-fee-rate} says else. */
public class PaperFeesProducer {

    @Produces
    @Singleton
    TradingFees tradingFees(@ConfigProperty(name = "sentinel.paper.taker-fee-rate", defaultValue = "0.0005")
                            BigDecimal takerRate) {
        return new TradingFees(takerRate);
    }
}
