package org.marginsentinel.adapter.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.marginsentinel.application.insight.ChartHistorySettings;

/** Hands the use cases their part of {@code sentinel.insights.*} as plain values. */
public class InsightsSettingsProducer {

    @Produces
    @Singleton
    ChartHistorySettings chartHistorySettings(InsightsConfig config) {
        return new ChartHistorySettings(config.historyRetention(), config.poolSampleInterval());
    }
}
