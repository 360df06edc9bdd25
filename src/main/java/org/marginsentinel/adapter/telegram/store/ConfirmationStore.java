package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;
import java.util.Optional;

/** Confirm / Cancel questions waiting for their owner: the port of {@link Confirmations}. */
public interface ConfirmationStore {

    /** A new pending question; returns its id (the Confirm and Cancel buttons carry it). */
    long create(long ownerUserId, long chatId, String actionKey, String payload, Instant now, Instant expiresAt);

    /** The question, locked for the caller's transaction so two presses cannot both use it. */
    Optional<LockedConfirmation> lock(long id);
}
