package org.marginsentinel.application.insight;

import java.time.Duration;
import java.util.Objects;

/**
 * How long /chart samples are kept and how often cross pools are sampled ({@code sentinel.insights.history-retention},
 * {@code sentinel.insights.pool-sample-interval}). Plain values: the config mapping that reads them is an adapter's.
 */
public record ChartHistorySettings(Duration historyRetention, Duration poolSampleInterval) {

    public ChartHistorySettings {
        Objects.requireNonNull(historyRetention, "historyRetention");
        Objects.requireNonNull(poolSampleInterval, "poolSampleInterval");
    }
}
