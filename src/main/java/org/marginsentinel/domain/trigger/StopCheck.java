package org.marginsentinel.domain.trigger;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.margin.Side;

/**
 * Whether a stop can do what the trader means, judged when it is set (and again whenever it is shown, at the
 * then liquidation price). Pure.
 */
public final class StopCheck {

    /** What a stop would do. */
    public enum Verdict {
        /** It would fire at once (the mark is already past it): refused, a close does that. */
        FIRES_NOW,
        /** A stop-loss at or beyond the liquidation price: the position is liquidated before the mark gets there. */
        NEVER_FIRES,
        /** A take-profit so near the entry that the close books a loss after the opening and closing fees. */
        LOSES_AFTER_FEES,
        OK
    }

    private StopCheck() {
    }

    /**
     * @param entry            the position's (average) entry price
     * @param liquidationPrice its liquidation price now; null when no price liquidates it
     * @param takerRate        the fee rate of the opening and of the closing fill
     */
    public static Verdict check(StopKind kind, Side side, BigDecimal stopPrice, BigDecimal entry, BigDecimal mark,
                                BigDecimal liquidationPrice, BigDecimal takerRate) {
        Objects.requireNonNull(stopPrice, "stopPrice");
        if (kind.triggeredBy(side, stopPrice, mark)) {
            return Verdict.FIRES_NOW;
        }
        if (kind == StopKind.STOP_LOSS && liquidationPrice != null
                && StopKind.STOP_LOSS.triggeredBy(side, liquidationPrice, stopPrice)) {
            // A mark at the stop is at or past the liquidation price: the mark crosses the liquidation price first
            // (or both in one tick, and the liquidation is carried out first).
            return Verdict.NEVER_FIRES;
        }
        if (kind == StopKind.TAKE_PROFIT && netPerUnit(side, stopPrice, entry, takerRate).signum() < 0) {
            return Verdict.LOSES_AFTER_FEES;
        }
        return Verdict.OK;
    }

    /** PnL of one unit closed at {@code exit} after the taker fee of its opening and of its close. */
    static BigDecimal netPerUnit(Side side, BigDecimal exit, BigDecimal entry, BigDecimal takerRate) {
        BigDecimal gross = exit.subtract(entry).multiply(side.signDecimal());
        return gross.subtract(exit.add(entry).multiply(takerRate));
    }
}
