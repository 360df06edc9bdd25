package org.marginsentinel.domain.community;

import java.math.BigDecimal;

/**
 * A member's measured period (see {@link SurvivalRanking}). Fractions: 0.05 = 5%.
 *
 * @param returnFraction final trading result / capital
 * @param maxDrawdown    largest fall of equity from its running peak, as a fraction of the peak, 0 to 1
 * @param score          returnFraction − maxDrawdown
 */
public record Standing(long memberId, BigDecimal returnFraction, BigDecimal maxDrawdown, int liquidations,
                       BigDecimal score) {

    public boolean survived() {
        return liquidations == 0;
    }
}
