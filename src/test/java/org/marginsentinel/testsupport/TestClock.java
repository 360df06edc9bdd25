package org.marginsentinel.testsupport;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's {@link Clock} in every {@code @QuarkusTest} (it replaces the default bean of
 * {@code ClockProducer}). It follows the system clock until a test freezes it; then time moves only
 * through {@link #advance(Duration)}. Call {@link #reset()} when done. Inject {@code TestClock}
 * rather than declaring another {@code Clock} bean.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant frozenAt;

    /** Stops time at {@code instant}. */
    public void freezeAt(Instant instant) {
        frozenAt = instant;
    }

    /** Moves a frozen clock forward (freezing it at "now" first if it was running). */
    public synchronized Instant advance(Duration duration) {
        frozenAt = instant().plus(duration);
        return frozenAt;
    }

    /** Back to the system clock. */
    public void reset() {
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
