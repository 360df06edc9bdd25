package org.marginsentinel.adapter.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.marginsentinel.application.watch.WatchSettings;
import org.marginsentinel.domain.watch.PollPlanner;

/** Hands the watcher its part of {@code sentinel.hyperliquid.*} as plain values. */
public class WatchSettingsProducer {

    @Produces
    @Singleton
    WatchSettings watchSettings(HyperliquidConfig config) {
        return new WatchSettings(config.maxWatchedPerUser(), config.unavailableAfter(),
                new PollPlanner.Settings(config.weightPerMinute(), config.headroom(), config.marketInterval(),
                        config.maxPollAge()));
    }
}
