package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What keeps a cross pool alive through a given adverse move of every mark: a deposit, or closing the same
 * share of every cross position now. Either alone is enough.
 *
 * @param depositNeeded   USDT to add to the cross wallet, exact (round up when showing it); zero when the pool
 *                        already survives the move
 * @param fractionToClose share of every cross position to close at the mark now, in [0, 1], rounded up; null
 *                        when closing cannot help (the margin balance is already gone)
 */
public record CrossSurvivalAdvice(BigDecimal depositNeeded, BigDecimal fractionToClose) {

    public CrossSurvivalAdvice {
        Objects.requireNonNull(depositNeeded, "depositNeeded");
        if (depositNeeded.signum() < 0) {
            throw new IllegalArgumentException("depositNeeded must not be negative: " + depositNeeded);
        }
    }

    public boolean needed() {
        return depositNeeded.signum() > 0;
    }

    public Optional<BigDecimal> closeFraction() {
        return Optional.ofNullable(fractionToClose);
    }
}
