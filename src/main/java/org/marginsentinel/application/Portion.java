package org.marginsentinel.application;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How much of a position to close: all of it, a percentage, or a quantity of the base asset. */
public record Portion(BigDecimal percent, BigDecimal quantity) {

    public static final Portion ALL = new Portion(BigDecimal.valueOf(100), null);

    public static Portion percent(BigDecimal percent) {
        return new Portion(percent, null);
    }

    public static Portion quantity(BigDecimal quantity) {
        return new Portion(null, quantity);
    }

    public boolean isAll() {
        return percent != null && percent.compareTo(BigDecimal.valueOf(100)) == 0;
    }

    /** The quantity this portion means for a position of {@code held}. */
    BigDecimal of(BigDecimal held) {
        if (quantity != null) {
            return quantity;
        }
        return isAll() ? held : held.multiply(percent).divide(BigDecimal.valueOf(100), 18, RoundingMode.DOWN)
                .stripTrailingZeros();
    }
}
