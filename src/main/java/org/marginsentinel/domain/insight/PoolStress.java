package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The cross pool under a {@link Shock}.
 *
 * @param hasPositions        false: there are no cross positions, nothing below matters
 * @param marginBalanceBefore cross wallet + cross PnL now
 * @param marginBalanceAfter  the same at the shocked marks
 * @param marginRatioAfter    maintenance / margin balance at the shocked marks; null when the balance is gone
 * @param liquidated          the shocked pool no longer covers its maintenance margin
 * @param walletLost          when liquidated: the cross wallet, which a liquidation takes; zero otherwise
 * @param loss                what the account's equity loses through the pool, now minus after
 * @param survivableMove      the largest move of the shocked marks, in the shock's direction, the pool survives
 *                            (a fraction of each mark); empty when no move up to −100% / +1,000% liquidates it
 */
public record PoolStress(boolean hasPositions, BigDecimal marginBalanceBefore, BigDecimal marginBalanceAfter,
                         BigDecimal marginRatioAfter, boolean liquidated, BigDecimal walletLost, BigDecimal loss,
                         BigDecimal survivableMove) {

    public Optional<BigDecimal> survives() {
        return Optional.ofNullable(survivableMove);
    }
}
