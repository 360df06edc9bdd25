package org.marginsentinel.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the risk insights, {@code sentinel.insights.*}. */
@ConfigMapping(prefix = "sentinel.insights")
public interface InsightsConfig {

    /** How often a symbol's volatility estimate is refreshed from fresh candles. */
    @WithDefault("1h")
    Duration volatilityRefresh();

    /** After a failed candle fetch, how long to wait before asking the exchanges about that symbol again. */
    @WithDefault("5m")
    Duration volatilityRetry();

    /** How many closed hourly candles the volatility estimate uses (168 = one week). */
    @WithDefault("168")
    int volatilityCandles();

    /** How long mark and pool samples for charts are kept. */
    @WithDefault("24h")
    Duration historyRetention();

    /** How often a cross pool's margin balance and maintenance margin are sampled for /chart pool. */
    @WithDefault("5m")
    Duration poolSampleInterval();
}
