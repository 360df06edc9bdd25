package org.marginsentinel.application;

/**
 * Fired inside the transaction that changed a user's open positions or balance. Observers that keep
 * in-memory views (the risk index) react after a successful commit.
 */
public record PositionsChanged(long userId) {
}
