package org.marginsentinel.application.alert;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * Where a position or pool stands right after the user's own order, as its reply states it: the level, the value
 * it was judged by and the user's threshold that level starts at (for SAFE: the WARNING threshold it is outside of).
 *
 * @param isolated true: {@code value} is the distance to liquidation (null: no price liquidates it); false: the
 *                 cross pool's margin ratio (null: the margin balance is gone), or its survivable move when
 *                 {@code poolByDistance}
 * @param poolByDistance a cross pool judged by its survivable joint move (worse than its ratio says): {@code value}
 *                 is that move and {@code threshold} the distance its level starts at
 */
public record Standing(boolean isolated, RiskLevel level, BigDecimal value, BigDecimal threshold,
                       boolean poolByDistance) {

    public Standing {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(threshold, "threshold");
    }

    public Standing(boolean isolated, RiskLevel level, BigDecimal value, BigDecimal threshold) {
        this(isolated, level, value, threshold, false);
    }

    public static Standing poolByDistance(RiskLevel level, BigDecimal survivableMove, BigDecimal threshold) {
        return new Standing(false, level, survivableMove, threshold, true);
    }
}
