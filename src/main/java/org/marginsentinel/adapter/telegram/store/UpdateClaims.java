package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;

/** Exactly-once update handling: the port of {@link HandledUpdates}. */
public interface UpdateClaims {

    /**
     * Claims the update for the current transaction.
     *
     * @return false if it was handled before (skip it); true if this transaction now owns it
     */
    boolean claim(long updateId, Instant now);
}
