package org.marginsentinel.application.port;

/**
 * Delivers notices to users. Queues in the caller's transaction, so a notice goes out if and only if the
 * change that caused it commits.
 */
public interface Notifier {

    void notify(Notice notice);

    /**
     * Withdraws the user's unsent warnings about {@code subject}: a newer fact (its liquidation) made them stale, and
     * nothing about a subject may arrive older than what happened to it. In the caller's transaction.
     */
    default void retract(long userId, Subject subject) {
    }
}
