package org.marginsentinel.domain.paper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The sizes an exchange accepts for one symbol: whole multiples of {@code step} (Binance's LOT_SIZE stepSize, Bybit's
 * qtyStep), and none below {@code minimum} (LOT_SIZE minQty, minOrderQty) when the exchange names one. An order off
 * the step is rejected there, so a paper order must be on it too. An order that opens or adds must also be worth at
 * least {@code minNotional} (Binance's MIN_NOTIONAL, Bybit's minNotionalValue); one that only reduces is exempt, as
 * Binance's reduce-only orders are.
 *
 * @param step        the quantity step, positive
 * @param minimum     the smallest order quantity, or null when the exchange does not say (then one step)
 * @param minNotional the smallest value in USDT of an order that opens or adds, or null when the exchange does not say
 */
public record LotSize(BigDecimal step, BigDecimal minimum, BigDecimal minNotional) {

    /** A lot size without a minimum order value. */
    public LotSize(BigDecimal step, BigDecimal minimum) {
        this(step, minimum, null);
    }

    public LotSize {
        Objects.requireNonNull(step, "step");
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("step must be positive: " + step);
        }
        if (minimum != null && minimum.signum() <= 0) {
            minimum = null;
        }
        if (minNotional != null && minNotional.signum() <= 0) {
            minNotional = null;
        }
    }

    /** Whether {@code quantity} at {@code price} is worth less than the minimum order value (none known: never). */
    public boolean isWorthLessThanMinimum(BigDecimal quantity, BigDecimal price) {
        return minNotional != null && quantity.multiply(price).compareTo(minNotional) < 0;
    }

    /**
     * The smallest accepted size worth at least the minimum order value at {@code price}, rounded up to the step
     * (100 USDT at 97,000 on a 0.001 step → 0.002, since 0.001 is only 97 USDT); without a minimum value, the
     * smallest order.
     */
    public BigDecimal smallestWorthMinimumAt(BigDecimal price) {
        return minNotional == null ? smallest()
                : acceptedAtOrAbove(minNotional.divide(price, Math.max(0, step.scale()) + 2, RoundingMode.UP));
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
