package org.marginsentinel.adapter.config;

import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.insight.ChartHistory;

/** Prunes the /chart samples every hour: the schedule is Quarkus's, what is pruned is the use case's. */
public class ChartHistoryPruning {

    private static final Logger LOG = Logger.getLogger(ChartHistoryPruning.class.getName());

    @Inject
    ChartHistory history;

    @Scheduled(identity = "chart-history-prune", every = "1h", delay = 5, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        try {
            history.prune();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Pruning chart samples failed; trying again in an hour", e);
        }
    }
}
