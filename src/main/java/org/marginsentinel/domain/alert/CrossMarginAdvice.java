package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Two ways to bring a cross pool's margin ratio down to a target: close the same share of every cross
 * position at its mark, or deposit USDT. Either is enough on its own.
 *
 * <p>Closing at the mark books each closed part's PnL into the wallet, so the margin balance does not change;
 * only the maintenance margin shrinks, and not linearly, because smaller positions fall into lower tiers.
 *
 * @param targetMarginRatio       the ratio to get to (at or under)
 * @param marginRatio             the pool's ratio now; null when its margin balance is gone
 * @param fractionToClose         share of every cross position to close, in [0, 1]; zero when nothing is needed;
 *                                null when closing cannot help (a margin balance at or under zero stays there)
 * @param marginRatioAfterClosing the ratio after closing that share; null with {@code fractionToClose}
 * @param depositNeeded           USDT to deposit instead: maintenance margin / target − margin balance, exact;
 *                                zero when nothing is needed. Round up when showing it
 */
public record CrossMarginAdvice(BigDecimal targetMarginRatio, BigDecimal marginRatio, BigDecimal fractionToClose,
                                BigDecimal marginRatioAfterClosing, BigDecimal depositNeeded) {

    public CrossMarginAdvice {
        Objects.requireNonNull(targetMarginRatio, "targetMarginRatio");
        Objects.requireNonNull(depositNeeded, "depositNeeded");
        if (depositNeeded.signum() < 0) {
            throw new IllegalArgumentException("depositNeeded must not be negative: " + depositNeeded);
        }
    }

    /** True when the pool is above the target now. */
    public boolean needed() {
        return depositNeeded.signum() > 0;
    }

    /** The share to close, or empty when closing at the mark cannot reach the target. */
    public Optional<BigDecimal> closeFraction() {
        return Optional.ofNullable(fractionToClose);
    }
}
