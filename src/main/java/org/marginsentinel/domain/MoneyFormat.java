package org.marginsentinel.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one money formatter, for chat replies and for the application's own refusals: 2 decimals,
 * {@link RoundingMode#HALF_EVEN}, comma thousands separators, dot decimal point (locale independent), the real minus
 * sign {@value #MINUS} (U+2212), never "−0.00", and {@value #MISSING} for {@code null}. Pure; plain text.
 */
public final class MoneyFormat {

    /** The minus sign of every formatted number. */
    public static final String MINUS = "\u2212";
    /** What a {@code null} value prints as. */
    public static final String MISSING = "—";

    private MoneyFormat() {
    }

    /** {@code 10000} → "10,000.00", {@code -5.255} → "−5.26". */
    public static String money(BigDecimal amount) {
        return amount == null ? MISSING : signed(amount.setScale(2, RoundingMode.HALF_EVEN), false);
    }

    /** {@link #money} plus the unit: "10,000.00 USDT". */
    public static String usdt(BigDecimal amount) {
        return amount == null ? MISSING : money(amount) + " USDT";
    }

    /** With an explicit sign: "+1,234.56", "−1,234.56", and "0.00" for zero. */
    public static String signedMoney(BigDecimal amount) {
        return amount == null ? MISSING : signed(amount.setScale(2, RoundingMode.HALF_EVEN), true);
    }

    /** An already rounded number with its sign: {@value #MINUS} below zero, "+" above when asked, none for zero. */
    public static String signed(BigDecimal rounded, boolean plusForPositive) {
        String sign = switch (rounded.signum()) {
            case 1 -> plusForPositive ? "+" : "";
            case -1 -> MINUS;
            default -> "";
        };
        return sign + grouped(rounded.abs());
    }

    /** Thousands separators on the integer part of a non-negative number, its scale kept: "1,234.50". */
    public static String grouped(BigDecimal nonNegative) {
        String plain = nonNegative.toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot);
        StringBuilder out = new StringBuilder(plain.length() + integer.length() / 3);
        int firstGroup = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        out.append(integer, 0, firstGroup);
        for (int i = firstGroup; i < integer.length(); i += 3) {
            out.append(',').append(integer, i, i + 3);
        }
        return out.append(fraction).toString();
    }
}
