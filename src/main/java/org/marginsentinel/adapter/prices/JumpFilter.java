package org.marginsentinel.adapter.prices;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Holds back a single mark that moved more than {@code maxJump} (10 % by default) from the last good one
 * within one poll, until it is confirmed: by the other exchange (its mark within {@code confirmTolerance}
 * of the new one), or, when the other exchange has no opinion (down, or no mark for the symbol), by the
 * next poll showing the same value again. A move the other exchange contradicts is never accepted from one
 * exchange alone: one exchange's wick must not warn or liquidate anyone.
 *
 * <p>Pure: no clock, no I/O. One instance per feed, used under the poll lock.
 */
public final class JumpFilter {

    private static final MathContext RATIO = new MathContext(34, RoundingMode.HALF_EVEN);

    /** What to do with one new mark. */
    public enum Verdict {
        /** Within {@code maxJump} of the last good mark (or the first mark ever). */
        ACCEPT,
        /** A jump, confirmed by the other exchange. */
        ACCEPT_CONFIRMED_BY_OTHER,
        /** A jump seen twice in a row while the other exchange had no opinion. */
        ACCEPT_CONFIRMED_BY_REPEAT,
        /** A jump seen for the first time, the other exchange having no opinion: wait for the next poll. */
        HOLD_UNCONFIRMED,
        /** A jump the other exchange contradicts. */
        HOLD_CONTRADICTED;

        public boolean accepted() {
            return this == ACCEPT || this == ACCEPT_CONFIRMED_BY_OTHER || this == ACCEPT_CONFIRMED_BY_REPEAT;
        }
    }

    private final BigDecimal maxJump;
    private final BigDecimal confirmTolerance;
    /** Jumped marks waiting for a second poll, by symbol. */
    private final Map<String, BigDecimal> held = new HashMap<>();

    public JumpFilter(BigDecimal maxJump, BigDecimal confirmTolerance) {
        this.maxJump = maxJump;
        this.confirmTolerance = confirmTolerance;
    }

    /** True when {@code price} needs a second opinion: it moved more than {@code maxJump} from {@code lastGood}. */
    public boolean isJump(BigDecimal lastGood, BigDecimal price) {
        return lastGood != null && !within(lastGood, price, maxJump);
    }

    /**
     * Decides on one new mark and remembers a held one for the next poll.
     *
     * @param lastGood the last accepted mark, null if none
     * @param other    the other exchange's mark, empty when it could not be asked or has none
     */
    public Verdict judge(String symbol, BigDecimal lastGood, BigDecimal price, Optional<BigDecimal> other) {
        if (!isJump(lastGood, price)) {
            held.remove(symbol);
            return Verdict.ACCEPT;
        }
        if (other.isPresent()) {
            if (within(price, other.get(), confirmTolerance)) {
                held.remove(symbol);
                return Verdict.ACCEPT_CONFIRMED_BY_OTHER;
            }
            held.remove(symbol);
            return Verdict.HOLD_CONTRADICTED;
        }
        BigDecimal before = held.put(symbol, price);
        if (before != null && within(before, price, confirmTolerance)) {
            held.remove(symbol);
            return Verdict.ACCEPT_CONFIRMED_BY_REPEAT;
        }
        return Verdict.HOLD_UNCONFIRMED;
    }

    /** Forgets the held marks. */
    public void clear() {
        held.clear();
    }

    /** |value − reference| ≤ fraction × reference. */
    static boolean within(BigDecimal reference, BigDecimal value, BigDecimal fraction) {
        return value.subtract(reference).abs().compareTo(reference.multiply(fraction, RATIO)) <= 0;
    }
}
