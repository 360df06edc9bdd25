package org.marginsentinel.application.watch;

import java.time.Instant;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.WatchedAccountState;

/**
 * A Hyperliquid account one user watches, with the last good answer.
 *
 * @param id          the store's key (also the alert subjects' key: {@code hl:<id>:…})
 * @param lastSuccess when the last good answer came; its state is {@code state}
 */
public record WatchedAccount(long id, long userId, HyperliquidAddress address, Instant createdAt,
                             Instant lastSuccess, WatchedAccountState state, Availability availability)
        implements Watched {

    public WatchedAccount withAnswer(WatchedAccountState newState, Instant at) {
        return new WatchedAccount(id, userId, address, createdAt, at, newState, Availability.OK);
    }

    public WatchedAccount withAvailability(Availability newAvailability) {
        return new WatchedAccount(id, userId, address, createdAt, lastSuccess, state, newAvailability);
    }
}
