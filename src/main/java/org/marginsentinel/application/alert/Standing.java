package org.marginsentinel.application.alert;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * Where a position or pool stands right after the user's own order, as its reply states it: the level, the value
 * it was judged by and the user's threshold that level starts at (for SAFE: the WARNING threshold it is outside of).
 *
 * @param isolated true: {@code value} is the distance to liquidation (null: no price liquidates it); false: the
 *                 cross pool's margin ratio (null: the margin balance is gone)
 */
public record Standing(boolean isolated, RiskLevel level, BigDecimal value, BigDecimal threshold) {

    public Standing {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(threshold, "threshold");
    }
}
