package org.marginsentinel.application.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.alert.Liquidations;
import org.marginsentinel.application.port.OpenBook;

/**
 * Isolated liquidations of one tick carried out together: in a crash, thousands cost a hundred set-based
 * transactions instead of one each, and each owner's book is rebuilt from what its transaction wrote instead of
 * being read again. A batch that fails is carried out one by one, so one bad position does not hold back the others;
 * the held alert state of every subject is forgotten once it is closed.
 */
final class LiquidationBatch {

    private static final Logger LOG = Logger.getLogger(LiquidationBatch.class.getName());

    private final Liquidations liquidations;
    private final AlertDelivery delivery;
    private final WatchMemory memory;
    private final Set<Long> appliedFromWrites;
    private final Consumer<OpenBook> rebuild;
    private final List<Liquidations.DueIsolated> due = new ArrayList<>();
    private final List<String> subjects = new ArrayList<>();
    private int liquidated;

    /**
     * @param appliedFromWrites owners whose books this batch rebuilds itself while its transaction commits (the
     *                          monitor then skips reading them again)
     * @param rebuild           rebuilds one owner's book from what the committed batch wrote
     */
    LiquidationBatch(Liquidations liquidations, AlertDelivery delivery, WatchMemory memory, Set<Long> appliedFromWrites,
                     Consumer<OpenBook> rebuild) {
        this.liquidations = liquidations;
        this.delivery = delivery;
        this.memory = memory;
        this.appliedFromWrites = appliedFromWrites;
        this.rebuild = rebuild;
    }

    void add(TickDecision.LiquidateIsolated decision) {
        due.add(new Liquidations.DueIsolated(decision.userId(), decision.positionId(), decision.mark(),
                decision.judged()));
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
        due.forEach(d -> appliedFromWrites.add(d.userId()));
        try {
            try {
                applied(liquidations.liquidateIsolated(List.copyOf(due)));
            } catch (RuntimeException batchFailed) {
                for (Liquidations.DueIsolated one : due) {
                    try {
                        applied(liquidations.liquidateIsolated(List.of(one)));
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "Liquidating position " + one.positionId() + " failed", e);
                    }
                }
            }
        } finally {
            appliedFromWrites.clear();
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

    /** A batch committed: its owners' books follow from what it wrote. */
    private void applied(Liquidations.IsolatedBatch batch) {
        liquidated += batch.notices().size();
        batch.booksAfter().forEach(rebuild);
    }
}
