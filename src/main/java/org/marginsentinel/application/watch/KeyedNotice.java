package org.marginsentinel.application.watch;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.alert.DrainReport;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.watch.keyed.ExchangePosition;
import org.marginsentinel.domain.watch.keyed.KeyedValuation;

/** Something the bot tells the user who watches a keyed account, unasked (private chat only). */
public sealed interface KeyedNotice {

    KeyedAccount account();

    /** The user's number for the account in {@code /watch}. */
    int number();

    /** An isolated position's warning level, decided by the same policy as paper positions. */
    record PositionWarning(KeyedAccount account, int number, KeyedValuation.Valued position, AlertDecision decision)
            implements KeyedNotice {
    }

    /**
     * The cross pool's warning level, the worse of its margin ratio's and its survivable joint move's;
     * {@code exchangeRatio} is the exchange's own account margin ratio, {@code distance} null when not known.
     */
    record PoolWarning(KeyedAccount account, int number, CrossAccountRisk pool, BigDecimal exchangeRatio,
                       PoolDistance distance, AlertDecision decision) implements KeyedNotice {
    }

    /** The cross pool's margin balance fell fast (a drain, as a paper pool's): once per episode. */
    record DrainWarning(KeyedAccount account, int number, DrainReport drain, CrossAccountRisk pool,
                        Duration timeToLiquidation, String drainingSymbol, PoolDistance distance)
            implements KeyedNotice {
    }

    /** A winning position high in the auto-deleveraging queue. */
    record AdlHigh(KeyedAccount account, int number, ExchangePosition position) implements KeyedNotice {
    }

    /** The exchange refused the key (revoked, expired, IP not allowed): polling stopped, told once. */
    record KeyRejected(KeyedAccount account, int number, String reason) implements KeyedNotice {
    }

    record ExpiresSoon(KeyedAccount account, int number, Instant expiresAt) implements KeyedNotice {
    }

    record Unavailable(KeyedAccount account, int number, Duration silentFor, String reason) implements KeyedNotice {
    }

    record Back(KeyedAccount account, int number) implements KeyedNotice {
    }
}
