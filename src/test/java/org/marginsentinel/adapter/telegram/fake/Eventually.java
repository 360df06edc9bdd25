package org.marginsentinel.adapter.telegram.fake;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition until it holds or a timeout passes: for state that is not a Telegram call (DB rows). */
public final class Eventually {

    private Eventually() {
    }

    /** Waits up to 5 s. */
    public static void until(String description, Supplier<Boolean> condition) {
        until(description, Duration.ofSeconds(5), condition);
    }

    public static void until(String description, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (true) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                last = null;
            } catch (RuntimeException | AssertionError e) {
                last = e;
            }
            if (System.nanoTime() > deadline) {
                AssertionError error = new AssertionError("Not true within " + timeout.toMillis() + " ms: " + description);
                if (last != null) {
                    error.initCause(last);
                }
                throw error;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for: " + description);
            }
        }
    }
}
