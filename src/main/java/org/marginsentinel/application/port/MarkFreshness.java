package org.marginsentinel.application.port;

import java.time.Duration;
import java.util.Objects;

/**
 * The last good mark of a symbol, fresh or not.
 *
 * @param mark  the last good mark
 * @param age   time since the exchange observed it (by the exchange's own timestamp where it gives one)
 * @param stale true when it is too old to act on (older than three poll intervals)
 */
public record MarkFreshness(MarkPrice mark, Duration age, boolean stale) {

    public MarkFreshness {
        Objects.requireNonNull(mark, "mark");
        Objects.requireNonNull(age, "age");
    }
}
