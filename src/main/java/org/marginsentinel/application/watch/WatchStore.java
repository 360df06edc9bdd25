package org.marginsentinel.application.watch;

import java.time.Instant;
import java.util.List;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.WatchedAccountState;

/** Watched Hyperliquid accounts and their last good answer. Joins the caller's transaction. */
public interface WatchStore {

    /** Every watched account, by id (the order a user's accounts are numbered in). */
    List<WatchedAccount> all();

    WatchedAccount add(long userId, HyperliquidAddress address, WatchedAccountState state, Instant at);

    /** Saves the account's last answer and availability. */
    void save(WatchedAccount account);

    void remove(long id);
}
