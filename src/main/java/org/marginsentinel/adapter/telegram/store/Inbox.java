package org.marginsentinel.adapter.telegram.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code telegram_inbox} table: received updates that are not handled yet. Telegram considers
 * an update delivered once the next long poll starts, so a batch is written here before the poll
 * goes on; {@link HandledUpdates#claim} deletes a row in the handler's own transaction, and the
 * rows left after a crash are handled again at the next start.
 */
@ApplicationScoped
public class Inbox {

    /** Longest update JSON the table takes: a longer update is not stored (and so never handled). */
    public static final int MAX_PAYLOAD = InboxEntity.MAX_PAYLOAD;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Stores the updates (id to JSON) not stored yet, in one transaction.
     *
     * @return how many rows were new
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int store(Map<Long, String> payloadById) {
        if (payloadById.isEmpty()) {
            return 0;
        }
        Set<Long> present = new HashSet<>(em.createQuery(
                        "select i.updateId from InboxEntity i where i.updateId in :ids", Long.class)
                .setParameter("ids", payloadById.keySet()).getResultList());
        int stored = 0;
        for (Map.Entry<Long, String> entry : payloadById.entrySet()) {
            if (present.contains(entry.getKey())) {
                continue;
            }
            InboxEntity row = new InboxEntity();
            row.updateId = entry.getKey();
            row.payload = entry.getValue();
            row.receivedAt = clock.instant();
            em.persist(row);
            stored++;
        }
        return stored;
    }

    /** Deletes the row of a handled update, in the handler's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(long updateId) {
        // SQL, not JPQL: Hibernate translated this JPQL delete again on every call (~7% of a handler's CPU samples).
        em.createNativeQuery("delete from telegram_inbox where update_id = ?1").setParameter(1, updateId)
                .executeUpdate();
    }

    /** Every update still waiting, oldest first, as JSON. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<String> pending() {
        return em.createQuery("select i.payload from InboxEntity i order by i.updateId", String.class)
                .getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long size() {
        return em.createQuery("select count(i) from InboxEntity i", Long.class).getSingleResult();
    }
}
