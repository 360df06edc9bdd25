package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.FundingRate;
import org.marginsentinel.application.port.FundingRates;

/** {@link FundingRates} set by the test, as the feed would announce them. */
public final class FakeFundingRates implements FundingRates {

    private final Map<String, FundingRate> rates = new HashMap<>();

    public FakeFundingRates announce(String symbol, String rate, Instant nextFundingTime) {
        rates.put(symbol, new FundingRate(symbol, new BigDecimal(rate), nextFundingTime));
        return this;
    }

    @Override
    public Optional<FundingRate> funding(String symbol) {
        return Optional.ofNullable(rates.get(symbol));
    }

    @Override
    public Map<String, FundingRate> allFunding() {
        return Map.copyOf(rates);
    }
}
