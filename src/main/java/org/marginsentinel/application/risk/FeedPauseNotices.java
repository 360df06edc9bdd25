package org.marginsentinel.application.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;

/** Tells every watched user, once each way, that prices stopped arriving (warnings paused) and came back. */
@ApplicationScoped
public class FeedPauseNotices {

    private final RiskMonitor monitor;
    private final AlertDelivery delivery;
    private final Clock clock;

    @Inject
    public FeedPauseNotices(RiskMonitor monitor, AlertDelivery delivery, Clock clock) {
        this.monitor = monitor;
        this.delivery = delivery;
        this.clock = clock;
    }

    void onFeedPaused(@Observes PriceFeedPaused paused) {
        Duration silent = Duration.between(paused.since(), clock.instant());
        delivery.broadcast(monitor.watchedUserIds().stream().map(u -> new Notice.FeedPaused(u, silent)).toList());
    }

    void onFeedResumed(@Observes PriceFeedResumed resumed) {
        delivery.broadcast(monitor.watchedUserIds().stream().map(Notice.FeedResumed::new).toList());
    }
}
