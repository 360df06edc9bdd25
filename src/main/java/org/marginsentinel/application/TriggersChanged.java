package org.marginsentinel.application;

/**
 * Fired inside a transaction that changed a user's price alerts or stops; the in-memory trigger book reloads the
 * user's after a successful commit.
 */
public record TriggersChanged(long userId) {
}
