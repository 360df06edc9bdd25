package org.marginsentinel.application.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Severity;

/**
 * Alert states and warnings of one tick waiting to be stored together: thousands of warnings cost a few hundred
 * transactions, and the most severe (added first) reach the outbox first. Only after a write committed does memory
 * (held states, the index's levels) follow, so a failed write is simply retried by the next tick.
 */
final class AlertBatch {

    private static final Logger LOG = Logger.getLogger(AlertBatch.class.getName());

    private final AlertDelivery delivery;
    private final RiskIndex index;
    private final WatchMemory memory;
    private final List<Candidate> subjects = new ArrayList<>();
    private final List<AlertDelivery.Entry> entries = new ArrayList<>();
    /** The most severe pool warning stored so far in this tick, by owner. */
    private final Map<Long, Severity> poolWarnings = new HashMap<>();

    AlertBatch(AlertDelivery delivery, RiskIndex index, WatchMemory memory) {
        this.delivery = delivery;
        this.index = index;
        this.memory = memory;
    }

    void add(Candidate candidate, TickDecision.Record record) {
        subjects.add(candidate);
        entries.add(new AlertDelivery.Entry(record.subject(), record.userId(), record.state(), record.notice()));
    }

    int size() {
        return entries.size();
    }

    void flush() {
        if (entries.isEmpty()) {
            return;
        }
        try {
            delivery.deliverAll(entries);
            for (int i = 0; i < entries.size(); i++) {
                remember(subjects.get(i), entries.get(i));
            }
        } catch (RuntimeException batchFailed) {
            // One bad row must not hold back the others: store them one by one.
            for (int i = 0; i < entries.size(); i++) {
                AlertDelivery.Entry entry = entries.get(i);
                try {
                    delivery.deliver(entry.subject(), entry.userId(), entry.state(), entry.notice());
                    remember(subjects.get(i), entry);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Storing the alert for " + entry.subject() + " failed", e);
                }
            }
        }
        subjects.clear();
        entries.clear();
    }

    /** The most severe pool warning this batch stored for the user's pool in this tick, if any. */
    Optional<Severity> poolWarned(long userId) {
        return Optional.ofNullable(poolWarnings.get(userId));
    }

    private void remember(Candidate candidate, AlertDelivery.Entry entry) {
        memory.remember(entry.subject(), entry.state());
        if (entry.notice() instanceof Notice.PoolWarning warning) {
            poolWarnings.merge(entry.userId(), warning.severity(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        if (index.isLive(candidate)) {
            index.setLevel(candidate, (byte) entry.state().level().ordinal());
        }
    }
}
