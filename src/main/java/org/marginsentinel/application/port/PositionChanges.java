package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.Optional;

/** When a user's positions last changed other than by being opened. Joins the caller's transaction. */
public interface PositionChanges {

    /**
     * The latest close, flip, liquidation, add, reduce, margin move or isolated funding of any of the user's
     * positions; empty when every position only ever opened.
     */
    Optional<Instant> lastChangeAfterOpening(long userId);
}
