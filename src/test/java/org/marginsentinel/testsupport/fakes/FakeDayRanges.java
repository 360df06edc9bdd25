package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.marginsentinel.application.port.DayRanges;
import org.marginsentinel.application.port.PriceRange;

/** 24-hour ranges set by the test; a symbol without one has no known range. */
public final class FakeDayRanges implements DayRanges {

    private final Map<String, PriceRange> ranges = new HashMap<>();

    public FakeDayRanges set(String symbol, String low, String high) {
        ranges.put(symbol, new PriceRange(new BigDecimal(low), new BigDecimal(high)));
        return this;
    }

    @Override
    public Optional<PriceRange> last24h(String symbol) {
        return Optional.ofNullable(ranges.get(symbol));
    }
}
