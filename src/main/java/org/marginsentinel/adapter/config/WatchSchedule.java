package org.marginsentinel.adapter.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.marginsentinel.application.watch.WatchList;
import org.marginsentinel.application.watch.WatchPolling;

/** Loads the watched accounts at start-up and runs the Hyperliquid poll scheduler every second. */
@ApplicationScoped
public class WatchSchedule {

    @Inject
    WatchList watchList;

    @Inject
    WatchPolling polling;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        watchList.loadAll();
    }

    @Scheduled(every = "1s", identity = "hyperliquid-watch", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        polling.tick(clock.instant());
    }
}
