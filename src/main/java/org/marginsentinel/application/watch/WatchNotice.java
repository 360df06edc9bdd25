package org.marginsentinel.application.watch;

import java.time.Duration;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.PositionEnding;
import org.marginsentinel.domain.watch.WatchedValuation;

/** Something the bot tells the user who watches a Hyperliquid account, unasked. */
public sealed interface WatchNotice {

    long userId();

    HyperliquidAddress address();

    /** The user's number for the account in {@code /watch}. */
    int number();

    /** A position's (isolated) or the cross pool's warning level, decided by the same policy as paper positions. */
    record PositionWarning(long userId, HyperliquidAddress address, int number, WatchedValuation.Valued position,
                           AlertDecision decision) implements WatchNotice {
    }

    record PoolWarning(long userId, HyperliquidAddress address, int number, CrossAccountRisk pool,
                       AlertDecision decision) implements WatchNotice {
    }

    /** A position disappeared: liquidated (mark past its liquidation price) or closed. */
    record PositionEnded(long userId, HyperliquidAddress address, int number, PositionEnding.Ended ended)
            implements WatchNotice {
    }

    /** No usable data for {@code silentFor}. */
    record Unavailable(long userId, HyperliquidAddress address, int number, Duration silentFor, String reason)
            implements WatchNotice {
    }

    record Back(long userId, HyperliquidAddress address, int number) implements WatchNotice {
    }

}
