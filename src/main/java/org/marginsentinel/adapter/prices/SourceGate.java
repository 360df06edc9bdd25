package org.marginsentinel.adapter.prices;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When the feed may ask one source again: a pure cool-down policy (plain Java, the time is passed in), one per
 * source, touched only under the poll lock.
 *
 * <ul>
 *   <li>A region refusal (Binance 451, Bybit 403) is believed only after {@code confirmations} consecutive ones:
 *       before that the source is asked again at the next poll, so a few seconds' blip costs a few seconds.
 *       Once confirmed, the source is left alone for {@code blockedRetry}.</li>
 *   <li>A rate limit closes the source until its {@code Retry-After} or ban end, else for a pause that doubles
 *       with each further limit up to {@code maxBackoff}; never beyond three days.</li>
 *   <li>While the feed is blind (no source delivered in this poll), a source closed for any reason but a rate
 *       limit is probed again every {@code blindProbe}: being blind is worse than one more refused request.</li>
 * </ul>
 */
public final class SourceGate {

    /** Binance bans start at two minutes; without a better hint, wait at least that long after a 418. */
    static final Duration MIN_BAN = Duration.ofMinutes(2);
    /** Binance bans go up to three days; never believe a hint beyond that. */
    static final Duration MAX_HINTED_WAIT = Duration.ofDays(3);

    /** The settings of every gate, from {@link PriceFeedConfig}. */
    public record Policy(int confirmations, Duration blockedRetry, Duration blindProbe, Duration rateLimitBackoff,
                         Duration maxBackoff) {

        public Policy {
            if (confirmations < 1) {
                throw new IllegalArgumentException("region-block confirmations must be at least 1: " + confirmations);
            }
        }
    }

    /** What a region refusal meant. */
    public enum RegionVerdict {
        /** Not (yet) believed: the source is asked again at the next poll. */
        UNCONFIRMED,
        /** Believed now, for the first time: the source is left alone for the blocked-retry interval. */
        CONFIRMED,
        /** Still refused after a confirmed block: left alone again. */
        STILL_BLOCKED
    }

    /** What was wrong before a good answer, for a one-time log line. */
    public enum Recovery { NONE, BACK, REGION_UNBLOCKED }

    private enum Closure { NONE, REGION, RATE_LIMIT }

    private final Policy policy;
    private Instant closedUntil;
    private Closure closure = Closure.NONE;
    private Instant lastAsked;
    private int regionRefusals;
    private boolean failing;
    private int rateLimitStrikes;

    public SourceGate(Policy policy) {
        this.policy = policy;
    }

    /** May we send a request now? {@code blind}: no source has delivered in this poll. */
    public boolean allows(Instant now, boolean blind) {
        if (closedUntil == null || !now.isBefore(closedUntil)) {
            return true;
        }
        return blind && closure != Closure.RATE_LIMIT
                && (lastAsked == null || !now.isBefore(lastAsked.plus(policy.blindProbe())));
    }

    /** Notes that a request is being sent now. */
    public void asking(Instant now) {
        lastAsked = now;
    }

    public Optional<Instant> closedUntil() {
        return Optional.ofNullable(closedUntil);
    }

    /** True while a region block is confirmed. */
    public boolean regionBlocked() {
        return regionRefusals >= policy.confirmations();
    }

    /** The source refused this server's region. */
    public RegionVerdict regionRefused(Instant now) {
        regionRefusals++;
        if (regionRefusals < policy.confirmations()) {
            return RegionVerdict.UNCONFIRMED;
        }
        close(now.plus(policy.blockedRetry()), Closure.REGION);
        return regionRefusals == policy.confirmations() ? RegionVerdict.CONFIRMED : RegionVerdict.STILL_BLOCKED;
    }

    /**
     * The source rate-limited us. Returns until when it is left alone.
     *
     * @param retryAfter relative hint ({@code Retry-After: 30}), if any
     * @param retryAt    absolute hint (HTTP-date or ban end), if any
     * @param banned     a Binance 418 (an IP ban rather than a throttle)
     */
    public Instant rateLimited(Instant now, Optional<Duration> retryAfter, Optional<Instant> retryAt, boolean banned) {
        rateLimitStrikes++;
        Instant until;
        if (retryAfter.isPresent()) {
            until = now.plus(retryAfter.get());
        } else {
            Duration base = banned ? MIN_BAN : policy.rateLimitBackoff();
            Duration cap = policy.maxBackoff().compareTo(base) > 0 ? policy.maxBackoff() : base;
            until = now.plus(doubled(base, rateLimitStrikes - 1, cap));
        }
        if (retryAt.isPresent() && retryAt.get().isAfter(until)) {
            until = retryAt.get();
        }
        Instant latestAllowed = now.plus(MAX_HINTED_WAIT);
        if (until.isAfter(latestAllowed)) {
            until = latestAllowed;
        }
        close(until, Closure.RATE_LIMIT);
        return until;
    }

    /** Any other failure (its own retries and circuit breaker already ran). True when it was healthy before. */
    public boolean failed() {
        regionRefusals = 0;
        boolean first = !failing;
        failing = true;
        return first;
    }

    /** The source answered well: open, counters cleared. Returns what was wrong before. */
    public Recovery answered() {
        Recovery recovery = regionBlocked() ? Recovery.REGION_UNBLOCKED : failing ? Recovery.BACK : Recovery.NONE;
        closedUntil = null;
        closure = Closure.NONE;
        regionRefusals = 0;
        failing = false;
        rateLimitStrikes = 0;
        return recovery;
    }

    private void close(Instant until, Closure why) {
        closedUntil = until;
        closure = why;
    }

    private static Duration doubled(Duration base, int times, Duration cap) {
        Duration wait = base;
        for (int i = 0; i < times && wait.compareTo(cap) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }
}
