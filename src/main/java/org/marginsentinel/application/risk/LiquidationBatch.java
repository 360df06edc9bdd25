package org.marginsentinel.application.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.alert.Liquidations;

/**
 * Isolated liquidations of one tick carried out together: in a crash, thousands cost a hundred transactions (and
 * as many rebuilt books as owners) instead of one each. A batch that fails is carried out one by one, so one bad
 * position does not hold back the others; the held alert state of every subject is forgotten once it is closed.
 */
final class LiquidationBatch {

    private static final Logger LOG = Logger.getLogger(LiquidationBatch.class.getName());

    private final Liquidations liquidations;
    private final AlertDelivery delivery;
    private final WatchMemory memory;
    private final List<Liquidations.DueIsolated> due = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();
    private int liquidated;

    LiquidationBatch(Liquidations liquidations, AlertDelivery delivery, WatchMemory memory) {
        this.liquidations = liquidations;
        this.delivery = delivery;
        this.memory = memory;
    }

    void add(TickDecision.LiquidateIsolated decision) {
        due.add(new Liquidations.DueIsolated(decision.userId(), decision.positionId(), decision.mark()));
        subjects.add(decision.subject());
    }

    int size() {
        return due.size();
    }

    /** Positions liquidated so far. */
    int liquidated() {
        return liquidated;
    }

    void flush() {
        if (due.isEmpty()) {
            return;
        }
        try {
            liquidated += liquidations.liquidateIsolated(List.copyOf(due)).size();
        } catch (RuntimeException batchFailed) {
            for (Liquidations.DueIsolated one : due) {
                try {
                    liquidated += liquidations.liquidateIsolated(one.userId(), one.positionId(), one.mark())
                            .isPresent() ? 1 : 0;
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Liquidating position " + one.positionId() + " failed", e);
                }
            }
        }
        try {
            delivery.forgetAll(subjects);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Forgetting the alert states of liquidated positions failed", e);
        }
        subjects.forEach(memory::forget);
        due.clear();
        subjects.clear();
    }
}
