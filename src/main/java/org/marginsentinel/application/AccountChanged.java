package org.marginsentinel.application;

/**
 * Fired inside a transaction that changed a user's money, positions or alert settings; at most once per user and
 * transaction for account writes. Observers that keep in-memory views (the risk index) react after a successful
 * commit. Account writes raise it by themselves ({@link SignallingAccountStore}); alert settings fire it when saved.
 */
public record AccountChanged(long userId) {
}
