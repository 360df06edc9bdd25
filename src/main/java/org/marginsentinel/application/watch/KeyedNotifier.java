package org.marginsentinel.application.watch;

/** Tells the one user who watches a keyed account about it, in their private chat. Queues in the caller's transaction. */
public interface KeyedNotifier {

    void tell(KeyedNotice notice);
}
