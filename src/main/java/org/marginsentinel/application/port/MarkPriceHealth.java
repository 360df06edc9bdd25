package org.marginsentinel.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How healthy the mark-price feed is, per symbol and as a whole. {@link MarkPrices} only shows
 * fresh marks; this says why a mark is missing ("BTCUSDT: last mark 3 minutes old").
 */
public interface MarkPriceHealth {

    /** The symbol's last good mark with its age, stale or not; empty if the feed never had one. */
    Optional<MarkFreshness> freshness(String symbol);

    /** {@link #freshness(String)} of every symbol that ever had a good mark. */
    Map<String, MarkFreshness> freshness();

    /** Age from which a mark is stale and no longer acted on. */
    Duration staleAfter();

    /**
     * The symbols of open positions the feed must keep fresh (as of the last risk tick): it takes them from the
     * fallback when the primary lacks them, and readiness names those without a fresh mark.
     */
    default Set<String> heldSymbols() {
        return Set.of();
    }

    /** When polls started failing without a good one since; empty while the feed is healthy. */
    Optional<Instant> deadSince();

    /**
     * Waits until the feed has finished its first poll since start-up, with data or without.
     *
     * @return false if that did not happen within {@code timeout}
     */
    boolean awaitFirstPoll(Duration timeout) throws InterruptedException;
}
