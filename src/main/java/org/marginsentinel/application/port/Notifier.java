package org.marginsentinel.application.port;

import java.util.List;

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

    /** {@link #notify} for many notices in one transaction (a crash's liquidations), in this order. */
    default void notifyAll(List<? extends Notice> notices) {
        notices.forEach(this::notify);
    }

    /** {@link #retract} for many subjects in one transaction. */
    default void retractAll(List<Retraction> retractions) {
        retractions.forEach(r -> retract(r.userId(), r.subject()));
    }

    /** The user's unsent warnings about a subject, to withdraw. */
    record Retraction(long userId, Subject subject) {
    }
}
