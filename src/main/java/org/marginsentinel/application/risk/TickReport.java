package org.marginsentinel.application.risk;

/** What one risk tick did, for logs, metrics and tests. */
public record TickReport(int positionsWatched, int candidates, int warningsQueued, int liquidations,
                         long screenNanos) {
}
