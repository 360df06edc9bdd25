package org.marginsentinel.application.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import org.marginsentinel.application.alert.Notice;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.Notifier;
import org.marginsentinel.domain.alert.AlertState;

/**
 * Records an alert state and queues its notice in one transaction: after a crash either both happened or
 * neither did, so a warning is never lost and never repeated by a restart.
 */
@ApplicationScoped
public class AlertDelivery {

    @Inject
    AlertStore alerts;

    @Inject
    Notifier notifier;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deliver(String subject, long userId, AlertState state, Notice notice) {
        alerts.saveState(subject, userId, state);
        if (notice != null) {
            notifier.notify(notice);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void forget(String subject) {
        alerts.deleteState(subject);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void broadcast(Collection<? extends Notice> notices) {
        notices.forEach(notifier::notify);
    }
}
