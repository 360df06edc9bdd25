package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * Fired once, after a {@link PriceFeedPaused}, by the first poll that brings good data again.
 *
 * @param pausedSince the {@code since} of the pause that ended
 * @param at          when good data came back
 */
public record PriceFeedResumed(Instant pausedSince, Instant at) {

    public PriceFeedResumed {
        Objects.requireNonNull(pausedSince, "pausedSince");
        Objects.requireNonNull(at, "at");
    }
}
