package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import java.util.Optional;
import org.marginsentinel.domain.MoneyFormat;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.Position;

/**
 * Binance keeps one leverage per symbol: an order at another leverage changes the whole open position's. The change
 * is allowed while the position's margin still covers the initial margin at the new leverage (notional at the mark
 * / leverage). Raising it always does; lowering an isolated position's needs its isolated margin to cover the new,
 * larger initial margin. A cross position's new initial margin comes from the pool: the order's own available-balance
 * check (which values the whole position at the new leverage) decides that.
 */
public final class LeverageChange {

    private LeverageChange() {
    }

    /** Why {@code position} cannot change to {@code newLeverage} at {@code mark}, or empty when it can (or is unchanged). */
    public static Optional<String> refusal(Position position, int newLeverage, BigDecimal mark) {
        if (newLeverage >= position.leverage() || !position.isIsolated()) {
            return Optional.empty();
        }
        BigDecimal needed = newInitialMargin(position, newLeverage, mark);
        if (position.isolatedMargin().compareTo(needed) >= 0) {
            return Optional.empty();
        }
        return Optional.of("Your " + position.symbol() + " position is " + position.leverage() + "x, and the exchange "
                + "keeps one leverage per symbol: " + newLeverage + "x would apply to the whole position and needs "
                + MoneyFormat.usdt(needed) + " of isolated margin, but it holds " + MoneyFormat.usdt(position.isolatedMargin())
                + ". Add margin first (/margin), trade at " + position.leverage() + "x, or close it first.");
    }

    /** The initial margin of the whole position at {@code leverage}, valued at the mark, as the exchange checks it. */
    public static BigDecimal newInitialMargin(Position position, int leverage, BigDecimal mark) {
        return Decimals.divide(position.notionalAt(mark), BigDecimal.valueOf(leverage));
    }
}
