package org.marginsentinel.testsupport.fakes;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;

/** {@link MarkPrices} set by the test: a symbol is fresh once given a mark, and stale again after {@link #stale}. */
public final class FakeMarkPrices implements MarkPrices {

    private final Clock clock;
    private final Map<String, MarkPrice> fresh = new HashMap<>();
    private final Set<String> known = new HashSet<>();

    public FakeMarkPrices(Clock clock) {
        this.clock = clock;
    }

    public FakeMarkPrices set(String symbol, String price) {
        known.add(symbol);
        fresh.put(symbol, new MarkPrice(symbol, new BigDecimal(price), clock.instant(), "fake"));
        return this;
    }

    /** The symbol stays known but has no fresh mark (the feed lost it). */
    public FakeMarkPrices stale(String symbol) {
        fresh.remove(symbol);
        return this;
    }

    @Override
    public Optional<MarkPrice> latest(String symbol) {
        return Optional.ofNullable(fresh.get(symbol));
    }

    @Override
    public Map<String, MarkPrice> all() {
        return Map.copyOf(fresh);
    }

    @Override
    public boolean isKnownSymbol(String symbol) {
        return known.contains(symbol);
    }
}
