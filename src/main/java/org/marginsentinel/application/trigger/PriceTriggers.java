package org.marginsentinel.application.trigger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.AccountChanged;
import org.marginsentinel.application.StopOrders;
import org.marginsentinel.application.TriggersChanged;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PositionStop;
import org.marginsentinel.application.port.PriceAlertStore;
import org.marginsentinel.application.port.StopStore;
import org.marginsentinel.domain.trigger.PriceAlert;

/**
 * Judges every price alert and stop on every price tick, from memory ({@link TriggerBook}, loaded once and kept
 * equal to the database by reloading a user's entries after each committed change), and carries out what is due:
 * each in a transaction of its own that re-checks it against the database, so nothing fires twice. Runs after the
 * risk monitor's tick on the same marks: a position liquidated at these marks is gone before its stop is judged.
 */
@ApplicationScoped
public class PriceTriggers {

    private static final Logger LOG = Logger.getLogger(PriceTriggers.class.getName());

    private final TriggerBook book = new TriggerBook();
    private final PriceAlertStore alertStore;
    private final StopStore stopStore;
    private final PriceAlerts alerts;
    private final StopOrders stops;
    private volatile boolean loaded;

    @Inject
    public PriceTriggers(PriceAlertStore alertStore, StopStore stopStore, PriceAlerts alerts, StopOrders stops) {
        this.alertStore = alertStore;
        this.stopStore = stopStore;
        this.alerts = alerts;
        this.stops = stops;
    }

    /** Priority 3000: after observers of the default priority (2500), the risk monitor's tick among them. */
    void onMarks(@Observes @Priority(3000) MarksUpdated marks) {
        try {
            check(marks.marks());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Checking price alerts and stops failed; the next tick tries again", e);
        }
    }

    /** Carries out every alert and stop due at these marks. */
    public void check(Map<String, MarkPrice> marks) {
        loadOnce();
        for (TriggerBook.Due<PriceAlert> due : book.dueAlerts(marks)) {
            try {
                alerts.fire(due.trigger(), due.mark());
                book.remove(due.trigger()); // fired now, or already gone: either way never again
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Firing price alert " + due.trigger().id() + " failed; retried next tick", e);
            }
        }
        for (TriggerBook.Due<PositionStop> due : book.dueStops(marks)) {
            PositionStop stop = due.trigger();
            try {
                stops.execute(stop, due.mark());
                reload(stop.userId());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Executing the " + stop.kind().label() + " of position " + stop.positionId()
                        + " failed; retried next tick", e);
            }
        }
    }

    /** A user's alerts or stops changed: their entries are read again once the change committed. */
    void onTriggersChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TriggersChanged changed) {
        reload(changed.userId());
    }

    /** A close, flip or liquidation may have ended a position with stops: they leave memory with it. */
    void onAccountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged changed) {
        if (loaded && book.hasStops(changed.userId())) {
            reload(changed.userId());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public synchronized void reload(long userId) {
        if (loaded) {
            book.replaceAlerts(userId, alertStore.of(userId));
            book.replaceStops(userId, stopStore.of(userId));
        }
    }

    /** Forgets memory and loads it again, as a restart does (tests). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public synchronized void restartFromDatabase() {
        loaded = false;
        book.clear();
        loadOnce();
    }

    /** Alerts and stops held in memory. */
    public int held() {
        return book.size();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    synchronized void loadOnce() {
        if (!loaded) {
            alertStore.all().forEach(book::add);
            stopStore.all().forEach(book::add);
            loaded = true;
        }
    }
}
