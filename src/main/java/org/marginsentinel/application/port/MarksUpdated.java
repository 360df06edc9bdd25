package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Fired after every poll that brought good data, on the risk tick's own thread (never the poller's):
 * {@code marks} holds every fresh mark at that moment (the same view as {@link MarkPrices#all()}), not just
 * the ones that changed. A tick that falls behind skips to the latest marks, so observers may miss an older
 * {@code MarksUpdated} but never act on an outdated one after a newer one.
 */
public record MarksUpdated(Map<String, MarkPrice> marks, Instant at) {

    public MarksUpdated {
        marks = Map.copyOf(marks);
        Objects.requireNonNull(at, "at");
    }
}
