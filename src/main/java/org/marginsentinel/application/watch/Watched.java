package org.marginsentinel.application.watch;

import java.time.Instant;

/**
 * One account a user watches: a public Hyperliquid address or a keyed exchange account. A user's accounts of both
 * kinds form one list, numbered 1… by when they were added ({@link WatchBook#entries}), in {@code /watch},
 * {@code /unwatch} and every notice.
 */
public sealed interface Watched permits WatchedAccount, KeyedAccount {

    long id();

    long userId();

    Instant createdAt();
}
