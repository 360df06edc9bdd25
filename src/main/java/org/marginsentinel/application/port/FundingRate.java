package org.marginsentinel.application.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A perpetual's funding as the exchange announces it: the rate that will be applied at {@code nextFundingTime}
 * (Binance premiumIndex {@code lastFundingRate}/{@code nextFundingTime}, Bybit tickers
 * {@code fundingRate}/{@code nextFundingTime}). Positive: longs pay shorts.
 */
public record FundingRate(String symbol, BigDecimal rate, Instant nextFundingTime) {
    public FundingRate {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(nextFundingTime, "nextFundingTime");
    }
}
