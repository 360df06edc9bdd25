package org.marginsentinel.application.port;

import java.util.Optional;
import org.marginsentinel.domain.paper.LotSize;

/**
 * Port: each symbol's lot size (quantity step and smallest order) as its exchange lists it, so that paper orders
 * keep to the sizes the exchange would fill. Empty for a symbol no list names, and while no list has been read:
 * then sizes are taken as given.
 */
@FunctionalInterface
public interface LotSizes {

    /** No lot sizes known: every size is taken as given. */
    LotSizes NONE = symbol -> Optional.empty();

    /** The lot size of {@code symbol} ("BTCUSDT"), if its exchange's list has been read and names it. */
    Optional<LotSize> of(String symbol);
}
