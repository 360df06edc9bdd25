package org.marginsentinel.testsupport.fakes;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.insight.DailyVolatility;

/** {@link Volatilities} set by the test; none known until set. */
public final class FakeVolatilities implements Volatilities {

    private final Map<String, DailyVolatility> cached = new HashMap<>();
    private long version;

    public FakeVolatilities set(String symbol, DailyVolatility volatility) {
        cached.put(symbol, volatility);
        version++;
        return this;
    }

    @Override
    public Optional<DailyVolatility> cached(String symbol) {
        return Optional.ofNullable(cached.get(symbol));
    }

    @Override
    public Optional<DailyVolatility> lookup(String symbol) {
        return cached(symbol);
    }

    @Override
    public long version() {
        return version;
    }
}
