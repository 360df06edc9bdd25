package org.marginsentinel.application.watch;


/**
 * Tells the one user who watches an account about it, in their private chat only. Queues in the caller's
 * transaction.
 */
public interface WatchNotifier {

    void tell(WatchNotice notice);
}
