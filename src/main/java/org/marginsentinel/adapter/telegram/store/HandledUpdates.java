package org.marginsentinel.adapter.telegram.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** The {@code telegram_handled_update} table that makes update handling exactly-once. */
@ApplicationScoped
public class HandledUpdates implements UpdateClaims {

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    /**
     * Claims the update for the current transaction and takes it out of the {@link Inbox}.
     *
     * @return false if it was handled before (skip it); true if this transaction now owns it
     *         (committing the transaction marks it handled, a rollback frees it again)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public boolean claim(long updateId, Instant now) {
        // Whatever the outcome, the update leaves the inbox when this transaction commits.
        inbox.remove(updateId);
        // One statement instead of a lookup, an insert and a flush: the row is written (and its key locked, so a
        // concurrent duplicate waits and then fails) right here, before the handler does anything.
        int inserted = em.createNativeQuery("insert into telegram_handled_update (update_id, handled_at)"
                        + " select ?1, ?2 where not exists"
                        + " (select 1 from telegram_handled_update where update_id = ?1)")
                .setParameter(1, updateId).setParameter(2, now)
                .executeUpdate();
        return inserted == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean isHandled(long updateId) {
        return em.find(HandledUpdateEntity.class, updateId) != null;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteHandledBefore(Instant before) {
        return em.createQuery("delete from HandledUpdateEntity h where h.handledAt < :before")
                .setParameter("before", before).executeUpdate();
    }
}
