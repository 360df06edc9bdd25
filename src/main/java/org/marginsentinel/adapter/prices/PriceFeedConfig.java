package org.marginsentinel.adapter.prices;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;

/** Settings of the mark-price feed, {@code sentinel.prices.*}. */
@ConfigMapping(prefix = "sentinel.prices")
public interface PriceFeedConfig {

    /** Binance USDⓈ-M futures base URL (primary source). */
    String binanceUrl();

    /** Bybit v5 base URL (fallback source). */
    String bybitUrl();

    /** Time between polls. A mark older than three intervals is stale. */
    Duration pollInterval();

    /** How many poll intervals without a good mark make a symbol stale. */
    @WithDefault("3")
    int staleAfterPolls();

    /** Largest move from the last good mark accepted without the other source agreeing (0.30 = 30 %). */
    @WithDefault("0.30")
    BigDecimal maxJump();

    /** How close the other source's mark must be to a jumped mark to confirm it (0.02 = 2 %). */
    @WithDefault("0.02")
    BigDecimal confirmTolerance();

    /** How long the whole feed may fail before {@code PriceFeedPaused} is fired. */
    @WithDefault("2m")
    Duration pauseAfter();

    /** How long to leave a source alone after it refused this server's region (451 / 403). */
    @WithDefault("10m")
    Duration blockedRetryInterval();

    /** First pause after a 429 without {@code Retry-After}; it doubles with each further 429. */
    @WithDefault("5s")
    Duration rateLimitBackoff();

    /** Cap of that doubling. Explicit {@code Retry-After} or ban times are honoured beyond it. */
    @WithDefault("10m")
    Duration maxBackoff();
}
