package org.marginsentinel.adapter.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import org.marginsentinel.application.watch.KeyedPolling;
import org.marginsentinel.application.watch.KeyedWatchList;
import org.marginsentinel.application.watch.WatchList;
import org.marginsentinel.application.watch.WatchPolling;

/** Loads the watched accounts at start-up and runs the Hyperliquid and keyed poll schedulers every second. */
@ApplicationScoped
public class WatchSchedule {

    @Inject
    WatchList watchList;

    @Inject
    WatchPolling polling;

    @Inject
    KeyedWatchList keyedList;

    @Inject
    KeyedPolling keyedPolling;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        watchList.loadAll();
        keyedList.loadAll();
    }

    @Scheduled(every = "1s", identity = "hyperliquid-watch", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        polling.tick(clock.instant());
    }

    @Scheduled(every = "1s", identity = "keyed-watch", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keyedTick() {
        keyedPolling.tick(clock.instant());
    }
}
