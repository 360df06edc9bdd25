package org.marginsentinel.application.port;

import java.util.Optional;

/** Where a symbol traded over the last 24 hours; empty when the exchange could not say (then nothing is assumed). */
public interface DayRanges {

    Optional<PriceRange> last24h(String symbol);
}
