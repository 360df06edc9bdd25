package org.marginsentinel.adapter.keyed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.application.port.KeyedSourceUnavailable.Kind;

/**
 * A token bucket per API key: at most {@code requests} per {@code period} on average, bursts up to
 * {@code requests}. A call that would have to wait longer than {@code maxWait} is refused as rate-limited (the
 * watcher then waits), so one busy key never holds a poller thread for long and the exchange never sees a burst
 * beyond its per-user limit.
 */
public final class KeyedRequestBudget {

    /** How the budget waits; tests pass one that moves a test clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final class Bucket {
        double tokens;
        Instant refilled;
    }

    private final int requests;
    private final double nanosPerToken;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Map<String, Bucket> buckets = new HashMap<>();

    public KeyedRequestBudget(int requests, Duration period, Duration maxWait, Clock clock, Sleeper sleeper) {
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a request budget needs a positive rate");
        }
        this.requests = requests;
        this.nanosPerToken = (double) period.toNanos() / requests;
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static KeyedRequestBudget sleeping(int requests, Duration period, Duration maxWait, Clock clock) {
        return new KeyedRequestBudget(requests, period, maxWait, clock, d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    /** Takes one request of {@code keyId}'s budget, waiting for it when needed; refuses beyond {@code maxWait}. */
    public void acquire(String keyId) {
        Duration wait = reserve(keyId);
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyedSourceUnavailable(Kind.UNAVAILABLE, "interrupted while pacing requests", null, e);
        }
    }

    private synchronized Duration reserve(String keyId) {
        Instant now = clock.instant();
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> {
            Bucket fresh = new Bucket();
            fresh.tokens = requests;
            fresh.refilled = now;
            return fresh;
        });
        long elapsed = Math.max(0, Duration.between(bucket.refilled, now).toNanos());
        bucket.tokens = Math.min(requests, bucket.tokens + elapsed / nanosPerToken);
        bucket.refilled = now;
        bucket.tokens -= 1;
        if (bucket.tokens >= 0) {
            return Duration.ZERO;
        }
        Duration wait = Duration.ofNanos((long) Math.ceil(-bucket.tokens * nanosPerToken));
        if (wait.compareTo(maxWait) > 0) {
            bucket.tokens += 1;
            throw new KeyedSourceUnavailable(Kind.RATE_LIMITED, "request budget of this key used up", wait, null);
        }
        return wait;
    }
}
