package org.marginsentinel.adapter.telegram.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/** The {@code telegram_confirmation} table of pending Confirm / Cancel questions. */
@ApplicationScoped
public class Confirmations implements ConfirmationStore {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public long create(long ownerUserId, long chatId, String actionKey, String payload, Instant now, Instant expiresAt) {
        ConfirmationEntity row = pending(ownerUserId, chatId, actionKey, payload, now, expiresAt);
        em.persist(row);
        em.flush();
        return row.id;
    }

    /**
     * A warning's button row, created with the warning in the risk tick's batch: no flush of its own (the sequence
     * gives the id at once), so a storm of warnings costs one write per warning at the batch's commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long createWithWarning(long ownerUserId, String actionKey, String payload, Instant now, Instant expiresAt) {
        ConfirmationEntity row = pending(ownerUserId, ownerUserId, actionKey, payload, now, expiresAt);
        em.persist(row);
        return row.id;
    }

    private static ConfirmationEntity pending(long ownerUserId, long chatId, String actionKey, String payload,
                                              Instant now, Instant expiresAt) {
        ConfirmationEntity row = new ConfirmationEntity();
        row.ownerUserId = ownerUserId;
        row.chatId = chatId;
        row.actionKey = actionKey;
        row.payload = payload;
        row.status = ConfirmationEntity.Status.PENDING;
        row.createdAt = now;
        row.expiresAt = expiresAt;
        return row;
    }

    /** The row, locked for update so two presses cannot both use it. */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public Optional<LockedConfirmation> lock(long id) {
        return Optional.ofNullable(em.find(ConfirmationEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(LockedConfirmation::new);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteExpiredBefore(Instant before) {
        return em.createQuery("delete from ConfirmationEntity c where c.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
