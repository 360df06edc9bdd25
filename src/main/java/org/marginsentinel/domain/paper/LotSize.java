package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The sizes an exchange accepts for one symbol: whole multiples of {@code step} (Binance's LOT_SIZE stepSize, Bybit's
 * qtyStep), and none below {@code minimum} (LOT_SIZE minQty, minOrderQty) when the exchange names one. An order off
 * the step is rejected there, so a paper order must be on it too.
 *
 * @param step    the quantity step, positive
 * @param minimum the smallest order quantity, or null when the exchange does not say (then one step)
 */
public record LotSize(BigDecimal step, BigDecimal minimum) {

    public LotSize {
        Objects.requireNonNull(step, "step");
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        if (minimum != null && minimum.signum() <= 0) {
            minimum = null;
        }
    }

    /** The smallest order: the minimum quantity on the step (rounded up to it), and never less than one step. */
    public BigDecimal smallest() {
        BigDecimal oneStep = clean(step);
        return minimum == null ? oneStep : ceiling(minimum).max(oneStep);
    }

    /** Whether {@code quantity} is a whole number of steps. */
    public boolean isOnStep(BigDecimal quantity) {
        return quantity.remainder(step).signum() == 0;
    }

    /** Whether the exchange accepts an order of {@code quantity}: on the step and not below the smallest order. */
    public boolean accepts(BigDecimal quantity) {
        return isOnStep(quantity) && quantity.compareTo(smallest()) >= 0;
    }

    /** {@code quantity} rounded down to the step: never more than asked for (0.00103092 at a 0.001 step → 0.001). */
    public BigDecimal floor(BigDecimal quantity) {
        return clean(quantity.divide(step, 0, RoundingMode.DOWN).multiply(step));
    }

    /** {@code quantity} rounded up to the step. */
    public BigDecimal ceiling(BigDecimal quantity) {
        return clean(quantity.divide(step, 0, RoundingMode.UP).multiply(step));
    }

    /** The largest accepted size at or below {@code quantity}, if there is one (none below the smallest order). */
    public Optional<BigDecimal> acceptedAtOrBelow(BigDecimal quantity) {
        BigDecimal below = floor(quantity);
        return below.compareTo(smallest()) >= 0 ? Optional.of(below) : Optional.empty();
    }

    /** The smallest accepted size at or above {@code quantity}. */
    public BigDecimal acceptedAtOrAbove(BigDecimal quantity) {
        return ceiling(quantity).max(smallest());
    }

    /** Without trailing zeros, and never in exponent form (0E-8 is 0, 1E+1 is 10). */
    private static BigDecimal clean(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
