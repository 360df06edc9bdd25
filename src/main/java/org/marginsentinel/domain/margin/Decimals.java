package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.marginsentinel.domain.MoneyFormat;

/** The single place that decides how money and prices are divided. Rounding for display happens elsewhere. */
public final class Decimals {

    /** 34 significant digits, banker's rounding: far beyond any price or balance we handle. */
    public static final MathContext MATH = MathContext.DECIMAL128;

    private Decimals() {
    }

    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, MATH);
    }

    public static BigDecimal of(String value) {
        return new BigDecimal(value);
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Rounds for storage: 18 decimals keep every digit a price or quantity can meaningfully have. */
    public static BigDecimal storage(BigDecimal value) {
        return value.setScale(18, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    /** "1,234.56 USDT", rounded down to the cent: an allowance shown is always one that can be taken. */
    public static String usdt(BigDecimal amount) {
        return MoneyFormat.usdt(amount.setScale(2, RoundingMode.DOWN));
    }

    /** "+12.00 USDT" / "-200.00 USDT". */
    public static String signedUsdt(BigDecimal amount) {
        return (amount.signum() >= 0 ? "+" : "-") + usdt(amount.abs());
    }
}
