package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Fired once when no source has delivered good mark prices for a while (two minutes by default).
 * Until {@link PriceFeedResumed}, marks go stale and must not be acted on.
 *
 * @param since when the polls started failing
 */
public record PriceFeedPaused(Instant since) {

    public PriceFeedPaused {
        Objects.requireNonNull(since, "since");
    }
}
