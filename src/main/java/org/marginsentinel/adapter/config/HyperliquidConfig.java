package org.marginsentinel.adapter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of watched Hyperliquid accounts, {@code sentinel.hyperliquid.*}. */
@ConfigMapping(prefix = "sentinel.hyperliquid")
public interface HyperliquidConfig {

    /** Base URL of Hyperliquid's API (its {@code /info} endpoint is used). */
    @WithDefault("https://api.hyperliquid.xyz")
    String url();

    /** How many accounts one user may watch. */
    @WithDefault("5")
    int maxWatchedPerUser();

    /** How long an account's data may be missing before its user is told (once). */
    @WithDefault("2m")
    Duration unavailableAfter();

    /** Hyperliquid's per-IP weight budget per minute. */
    @WithDefault("1200")
    int weightPerMinute();

    /** Share of the budget left unused (other tools on the same IP, retries). */
    @WithDefault("0.2")
    double headroom();

    /** How often marks, funding and margin tables are fetched (metaAndAssetCtxs, weight 20). */
    @WithDefault("10s")
    Duration marketInterval();

    /** Longest any watched account goes without a poll while the budget can carry them all. */
    @WithDefault("10m")
    Duration maxPollAge();
}
