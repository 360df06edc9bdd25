package org.marginsentinel.application.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Fired synchronously after every poll that brought good data: {@code marks} holds every fresh
 * mark at that moment (the same view as {@link MarkPrices#all()}), not just the ones that changed.
 */
public record MarksUpdated(Map<String, MarkPrice> marks, Instant at) {

    public MarksUpdated {
        marks = Map.copyOf(marks);
        Objects.requireNonNull(at, "at");
    }
}
