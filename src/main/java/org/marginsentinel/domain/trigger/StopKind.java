package org.marginsentinel.domain.trigger;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.Side;

/**
 * A stop of a position, executed like an exchange's mark-price stop-market order: once the mark reaches the stop
 * price, the whole position closes at the mark with a taker fee.
 */
public enum StopKind {
    /** Closes a losing move: a long's below the mark, a short's above. */
    STOP_LOSS("stop-loss", "SL"),
    /** Takes a profit: a long's above the mark, a short's below. */
    TAKE_PROFIT("take-profit", "TP");

    private final String label;
    private final String shortLabel;

    StopKind(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String label() {
        return label;
    }

    public String shortLabel() {
        return shortLabel;
    }

    /** True when the mark has reached the stop price of a position on {@code side}. */
    public boolean triggeredBy(Side side, BigDecimal stopPrice, BigDecimal mark) {
        boolean fallsToIt = (this == STOP_LOSS) == (side == Side.LONG);
        int compared = mark.compareTo(stopPrice);
        return fallsToIt ? compared <= 0 : compared >= 0;
    }
}
