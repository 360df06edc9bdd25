package org.marginsentinel.adapter.telegram.store;

import java.time.Instant;

/**
 * A Confirm / Cancel question, locked for the caller's transaction ({@link Confirmations#lock}) so two presses
 * cannot both use it: read it, then resolve it once. Changes are written at commit; the entity stays in this package.
 */
public final class LockedConfirmation {

    private final ConfirmationEntity row;

    LockedConfirmation(ConfirmationEntity row) {
        this.row = row;
    }

    public long chatId() {
        return row.chatId;
    }

    public long ownerUserId() {
        return row.ownerUserId;
    }

    public String actionKey() {
        return row.actionKey;
    }

    public String payload() {
        return row.payload;
    }

    /** Still waiting for its answer (possibly past its deadline: see {@link #expiredAt}). */
    public boolean pending() {
        return row.status == ConfirmationEntity.Status.PENDING;
    }

    /** Expired before, or still pending at or after its deadline. */
    public boolean expiredAt(Instant now) {
        return row.status == ConfirmationEntity.Status.EXPIRED || (pending() && !now.isBefore(row.expiresAt));
    }

    public void expire(Instant now) {
        resolve(ConfirmationEntity.Status.EXPIRED, now);
    }

    public void cancel(Instant now) {
        resolve(ConfirmationEntity.Status.CANCELLED, now);
    }

    public void confirm(Instant now) {
        resolve(ConfirmationEntity.Status.CONFIRMED, now);
    }

    /** The press could not be handled (a rejected command): the question is closed, nothing was done. */
    public void fail(Instant now) {
        resolve(ConfirmationEntity.Status.FAILED, now);
    }

    private void resolve(ConfirmationEntity.Status status, Instant now) {
        row.status = status;
        row.resolvedAt = now;
    }
}
