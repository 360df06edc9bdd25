package org.marginsentinel.adapter.prices;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The source told us to slow down (HTTP 429, Binance 418 ban, Bybit 10006 or "access too
 * frequent"). Never retried; the feed leaves the source alone until the hinted time, or for an
 * exponentially growing pause when there is no hint.
 */
public final class RateLimitedException extends PriceSourceException {

    private final int status;
    private final Duration retryAfter;
    private final Instant retryAt;

    /**
     * @param status     the HTTP status (or 200 for an envelope error code)
     * @param retryAfter relative wait from a {@code Retry-After: <seconds>} header, or null
     * @param retryAt    absolute time from a {@code Retry-After: <HTTP-date>} header or a ban-until
     *                   time in the body, or null
     */
    public RateLimitedException(String source, int status, Duration retryAfter, Instant retryAt, String message) {
        super(source, message);
        this.status = status;
        this.retryAfter = retryAfter;
        this.retryAt = retryAt;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public Optional<Instant> retryAt() {
        return Optional.ofNullable(retryAt);
    }

    /** True for a Binance 418: the IP is banned, not just throttled. */
    public boolean banned() {
        return status == 418;
    }

    @Override
    public String reason() {
        return "rate-limited";
    }
}
