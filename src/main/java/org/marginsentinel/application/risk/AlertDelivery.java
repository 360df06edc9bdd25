package org.marginsentinel.application.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.domain.alert.AlertState;

/**
 * Records an alert state and queues its notice in one transaction: after a crash either both happened or
 * neither did, so a warning is never lost and never repeated by a restart.
 */
@ApplicationScoped
public class AlertDelivery {

    private final AlertStore alerts;
    private final Notifier notifier;

    @Inject
    public AlertDelivery(AlertStore alerts, Notifier notifier) {
        this.alerts = alerts;
        this.notifier = notifier;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliver(String subject, long userId, AlertState state, Notice notice) {
        alerts.saveState(subject, userId, state);
        if (notice != null) {
            notifier.notify(notice);
        }
    }

    /** An alert state to record, with the notice to queue (null: record the state only). */
    public record Entry(String subject, long userId, AlertState state, Notice notice) {
    }

    /** {@link #deliver} for many subjects in one transaction: all of them are stored, or none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliverAll(List<Entry> entries) {
        for (Entry entry : entries) {
            alerts.saveState(entry.subject(), entry.userId(), entry.state());
            if (entry.notice() != null) {
                notifier.notify(entry.notice());
            }
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String subject) {
        alerts.deleteState(subject);
    }

    /** {@link #forget} for many subjects in one transaction. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forgetAll(Collection<String> subjects) {
        alerts.deleteStates(subjects);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void broadcast(Collection<? extends Notice> notices) {
        notices.forEach(notifier::notify);
    }
}
