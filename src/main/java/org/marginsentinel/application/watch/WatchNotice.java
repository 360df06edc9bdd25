package org.marginsentinel.application.watch;

import java.time.Duration;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.alert.DrainReport;
import org.marginsentinel.domain.insight.PoolDistance;
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

    /**
     * The cross pool's level: the worse of its margin ratio's and its distance's.
     *
     * @param distance the pool's survivable joint move; null when not known
     */
    record PoolWarning(long userId, HyperliquidAddress address, int number, CrossAccountRisk pool,
                       PoolDistance distance, AlertDecision decision) implements WatchNotice {
    }

    /**
     * The cross pool's margin balance fell fast (a drain, as a paper pool's): once per episode.
     *
     * @param timeToLiquidation at the drain's rate, from the pool's headroom now; null when not losing
     * @param drainingCoin      the coin that lost most since the high; null when not known
     * @param distance          the pool's survivable joint move; null when not known
     */
    record DrainWarning(long userId, HyperliquidAddress address, int number, DrainReport drain, CrossAccountRisk pool,
                        Duration timeToLiquidation, String drainingCoin, PoolDistance distance)
            implements WatchNotice {
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
