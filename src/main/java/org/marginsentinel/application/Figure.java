package org.marginsentinel.application;

import java.math.BigDecimal;
import java.util.Objects;
import org.marginsentinel.domain.MoneyFormat;

/**
 * A number the application hands to the chat adapter unformatted (in a {@link CommandRejected}'s arguments), so
 * that the adapter writes it the way the user's language writes numbers, and a price or size at its symbol's
 * precision.
 *
 * @param symbol the symbol whose precision applies to a price or quantity, or null
 */
public record Figure(Kind kind, BigDecimal value, String symbol) {

    public enum Kind { MONEY, USDT, SIGNED_USDT, PRICE, QUANTITY, PERCENT, COUNT }

    public Figure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** Money with 2 decimals, no unit. */
    public static Figure money(BigDecimal value) {
        return new Figure(Kind.MONEY, value, null);
    }

    /** Money with its unit: "10,000.00 USDT". */
    public static Figure usdt(BigDecimal value) {
        return new Figure(Kind.USDT, value, null);
    }

    /** Money with its sign and unit, as the domain writes a PnL: "+12.00 USDT", "-200.00 USDT". */
    public static Figure signedUsdt(BigDecimal value) {
        return new Figure(Kind.SIGNED_USDT, value, null);
    }

    public static Figure price(String symbol, BigDecimal value) {
        return new Figure(Kind.PRICE, value, symbol);
    }

    public static Figure quantity(String symbol, BigDecimal value) {
        return new Figure(Kind.QUANTITY, value, symbol);
    }

    /** A fraction shown as a percentage: 0.05 → "5.00%". */
    public static Figure percent(BigDecimal fraction) {
        return new Figure(Kind.PERCENT, fraction, null);
    }

    public static Figure count(long count) {
        return new Figure(Kind.COUNT, BigDecimal.valueOf(count), null);
    }

    /** English style, for logs and for a refusal nobody translates. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONEY -> MoneyFormat.money(value);
            case USDT -> MoneyFormat.usdt(value);
            case SIGNED_USDT -> (value.signum() >= 0 ? "+" : "-") + MoneyFormat.usdt(value.abs());
            case PERCENT -> value.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
            default -> value.stripTrailingZeros().toPlainString();
        };
    }
}
