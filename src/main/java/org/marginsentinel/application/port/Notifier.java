package org.marginsentinel.application.port;

/**
 * Delivers notices to users. Queues in the caller's transaction, so a notice goes out if and only if the
 * change that caused it commits.
 */
public interface Notifier {

    void notify(Notice notice);
}
