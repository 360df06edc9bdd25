package org.marginsentinel.adapter.prices;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads a price that an exchange sent as text ({@code "81341.20000000"}), rejecting anything odd. */
public final class PriceText {

    /** ASCII digits only: {@code new BigDecimal} would also accept e.g. Arabic-Indic digits. */
    private static final Pattern DECIMAL = Pattern.compile("[+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    /** No USDT perpetual trades above a trillion per contract; more integer digits means garbage. */
    private static final int MAX_INTEGER_DIGITS = 12;
    /** Nor below 1e-18. */
    private static final int MAX_SCALE = 18;

    private PriceText() {
    }

    /**
     * The price, or empty when the text is missing, blank, not a plain decimal number, zero,
     * negative, or absurdly large or small. Never goes through {@code double}.
     */
    public static Optional<BigDecimal> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (!DECIMAL.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() <= 0
                || value.precision() - value.scale() > MAX_INTEGER_DIGITS
                || value.stripTrailingZeros().scale() > MAX_SCALE) {
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
