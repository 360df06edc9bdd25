package org.marginsentinel.adapter.telegram.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.marginsentinel.domain.MoneyFormat;

/**
 * English-style number formatting (money through {@link MoneyFormat}, the one money formatter): {@link java.util.Locale#ROOT} style (dot decimal point),
 * comma thousands separators, {@link RoundingMode#HALF_EVEN}, and always the same minus sign. Chat text should not
 * call it directly: {@link org.marginsentinel.adapter.telegram.i18n.Numbers} (a reader's {@code texts.numbers()})
 * writes through it and then puts in the reader's separators.
 *
 * <p>Negative numbers use the real minus sign {@value #MINUS} (U+2212) in every method, never
 * the ASCII hyphen, so columns of numbers line up and "−" can't be mistaken for a dash. A value
 * that rounds to zero is printed without a sign ("0.00", never "−0.00"). {@code null} prints as
 * {@value #MISSING}. Output is plain text: it needs no HTML escaping.
 */
public final class Fmt {

    /** The minus sign used by every method of this class. */
    public static final String MINUS = MoneyFormat.MINUS;
    /** What a {@code null} value prints as. */
    public static final String MISSING = MoneyFormat.MISSING;

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

    private Fmt() {
    }

    /** 2 decimals: {@code 10000} → "10,000.00", {@code -5.255} → "−5.26" ({@link MoneyFormat#money}). */
    public static String money(BigDecimal amount) {
        return MoneyFormat.money(amount);
    }

    /** {@link #money} plus the unit: "10,000.00 USDT". */
    public static String usdt(BigDecimal amount) {
        return MoneyFormat.usdt(amount);
    }

    /** Money with an explicit sign: "+1,234.56", "−1,234.56", and "0.00" for zero. */
    public static String signedMoney(BigDecimal amount) {
        return MoneyFormat.signedMoney(amount);
    }

    /**
     * A price with decimals that suit its size: at least 1,000 → 2 decimals ("81,341.20"),
     * at least 10 → 3 ("112.430"), at least 1 → 4 ("1.2345"), below 1 → 6 significant digits
     * ("0.00384470"). The size band is judged after rounding, so 999.9996 prints "1,000.00".
     */
    public static String price(BigDecimal price) {
        if (price == null) {
            return MISSING;
        }
        BigDecimal rounded = roundPrice(price.abs());
        BigDecimal again = roundPrice(rounded);
        if (again.scale() != rounded.scale()) {
            rounded = again;
        }
        return (price.signum() < 0 && rounded.signum() != 0 ? MINUS : "") + grouped(rounded);
    }

    /** A size or amount of coins: at most 8 decimals, trailing zeros dropped: "1,250.5", "0.001". */
    public static String quantity(BigDecimal quantity) {
        if (quantity == null) {
            return MISSING;
        }
        BigDecimal rounded = quantity.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0);
        }
        return signed(rounded, false);
    }

    /** A fraction as a percentage with 2 decimals: {@code 0.1234} → "12.34%". */
    public static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return MISSING;
        }
        return signed(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN), false) + "%";
    }

    /** Like {@link #percent} with an explicit sign: "+12.34%", "−3.10%", "0.00%". */
    public static String signedPercent(BigDecimal fraction) {
        if (fraction == null) {
            return MISSING;
        }
        return signed(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN), true) + "%";
    }

    private static BigDecimal roundPrice(BigDecimal abs) {
        if (abs.compareTo(THOUSAND) >= 0) {
            return abs.setScale(2, RoundingMode.HALF_EVEN);
        }
        if (abs.compareTo(TEN) >= 0) {
            return abs.setScale(3, RoundingMode.HALF_EVEN);
        }
        if (abs.compareTo(BigDecimal.ONE) >= 0) {
            return abs.setScale(4, RoundingMode.HALF_EVEN);
        }
        if (abs.signum() == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal sixDigits = abs.round(SIX_DIGITS);
        return sixDigits.setScale(sixDigits.scale() + (6 - sixDigits.precision()), RoundingMode.UNNECESSARY);
    }

    private static String signed(BigDecimal rounded, boolean plusForPositive) {
        return MoneyFormat.signed(rounded, plusForPositive);
    }

    private static String grouped(BigDecimal nonNegative) {
        return MoneyFormat.grouped(nonNegative);
    }
}
