package org.marginsentinel.adapter.config;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Inject;
import java.util.List;
import org.marginsentinel.application.FundingBooking;
import org.marginsentinel.application.FundingSettlement;
import org.marginsentinel.application.risk.RiskMonitor;

/**
 * Runs funding settlement every {@code sentinel.paper.funding-check-interval} (30 s): the schedule is Quarkus's,
 * what is remembered and paid is {@link FundingSettlement}'s. A failed run is retried by the next one; payments
 * already booked are never booked again.
 */
public class FundingSchedule {

    @Inject
    FundingSettlement settlement;

    @Inject
    RiskMonitor monitor;

    @Scheduled(identity = "funding-settlement", every = "${sentinel.paper.funding-check-interval:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settle() {
        try {
            List<FundingBooking.Payment> payments = settlement.run(monitor.heldSymbols());
            if (!payments.isEmpty()) {
                Log.infof("Funding booked for %d paper positions", payments.size());
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Funding settlement failed; the next run retries it");
        }
    }
}
