package org.marginsentinel.adapter.telegram.update;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Per-user flood limit on incoming commands and button presses: a token bucket per user that holds
 * {@code burst} tokens and refills {@code perSecond} tokens a second. An update without a token is
 * skipped before it costs a database transaction. The first skipped update of a flood is
 * {@link Verdict#SKIP_AND_TELL} (the user gets one polite notice), the rest of that flood are
 * {@link Verdict#SKIP}; a flood ends when the user's bucket has filled up again.
 *
 * <p>Thread-safe; pure (time comes from the clock passed in).
 */
final class InboundRateLimiter {

    enum Verdict { ACCEPT, SKIP_AND_TELL, SKIP }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long CLEANUP_EVERY_NANOS = 60 * NANOS_PER_SECOND;

    private final int burst;
    private final double perSecond;
    private final LongSupplier nanoClock;
    private final Map<Long, Bucket> buckets = new HashMap<>();
    private long nextCleanup;

    private static final class Bucket {
        double tokens;
        long updatedAt;
        boolean told;
    }

    /**
     * @param burst     updates one user may send at once; 0 or less turns the limit off
     * @param perSecond sustained updates per second per user
     * @param nanoClock monotonic nanoseconds ({@code System::nanoTime}; tests pass a fake)
     */
    InboundRateLimiter(int burst, double perSecond, LongSupplier nanoClock) {
        if (burst > 0 && !(perSecond > 0)) {
            throw new IllegalArgumentException("sentinel.telegram.user-rate must be greater than 0");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        this.nextCleanup = nanoClock.getAsLong() + CLEANUP_EVERY_NANOS;
    }

    boolean enabled() {
        return burst > 0;
    }

    synchronized Verdict admit(long userId) {
        if (!enabled()) {
            return Verdict.ACCEPT;
        }
        long now = nanoClock.getAsLong();
        cleanup(now);
        Bucket bucket = buckets.get(userId);
        if (bucket == null) {
            bucket = new Bucket();
            bucket.tokens = burst;
            bucket.updatedAt = now;
            buckets.put(userId, bucket);
        }
        refill(bucket, now);
        if (bucket.tokens >= burst) {
            bucket.told = false; // quiet long enough: a new flood gets a new notice
        }
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Verdict.ACCEPT;
        }
        if (bucket.told) {
            return Verdict.SKIP;
        }
        bucket.told = true;
        return Verdict.SKIP_AND_TELL;
    }

    private void refill(Bucket bucket, long now) {
        double elapsedSeconds = (now - bucket.updatedAt) / (double) NANOS_PER_SECOND;
        if (elapsedSeconds > 0) {
            bucket.tokens = Math.min(burst, bucket.tokens + elapsedSeconds * perSecond);
            bucket.updatedAt = now;
        }
    }

    /** Forgets users whose bucket is full again, so the map only holds recent senders. */
    private void cleanup(long now) {
        if (now - nextCleanup < 0) {
            return;
        }
        nextCleanup = now + CLEANUP_EVERY_NANOS;
        Iterator<Bucket> it = buckets.values().iterator();
        while (it.hasNext()) {
            Bucket bucket = it.next();
            refill(bucket, now);
            if (bucket.tokens >= burst) {
                it.remove();
            }
        }
    }

    /** For tests: users currently tracked. */
    synchronized int trackedUsers() {
        return buckets.size();
    }
}
