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

    /**
     * Largest move of one mark from the last good one within a poll that is accepted at once (0.10 = 10 %);
     * a bigger one waits until the other exchange confirms it or the next poll shows it again.
     */
    @WithDefault("0.10")
    BigDecimal maxJump();

    /** How close the other source's mark must be to a jumped mark to confirm it (0.02 = 2 %). */
    @WithDefault("0.02")
    BigDecimal confirmTolerance();

    /** How long the whole feed may fail before {@code PriceFeedPaused} is fired. */
    @WithDefault("2m")
    Duration pauseAfter();

    /** How many region refusals (451 / 403) in a row confirm a region block; before that, ask again next poll. */
    @WithDefault("3")
    int regionBlockConfirmations();

    /** How long to leave a source alone once a region block is confirmed. */
    @WithDefault("10m")
    Duration blockedRetryInterval();

    /** While no source delivers, how often a closed source (not rate-limited) is probed anyway. */
    @WithDefault("30s")
    Duration blindProbeInterval();

    /** First pause after a 429 without {@code Retry-After}; it doubles with each further 429. */
    @WithDefault("5s")
    Duration rateLimitBackoff();

    /** Cap of that doubling. Explicit {@code Retry-After} or ban times are honoured beyond it. */
    @WithDefault("10m")
    Duration maxBackoff();

    /** The fault-tolerance guard of each exchange (timeouts, quick retries, circuit breaker). */
    ExchangeGuard.Settings guard();
}
