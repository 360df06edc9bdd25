package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A sudden move of mark prices for a stress test: every symbol, or just one, moves by {@code move} (a fraction:
 * −0.15 is a 15% fall, 0.2 a 20% rise).
 *
 * @param symbol null: every symbol moves
 */
public record Shock(BigDecimal move, String symbol) {

    /** A fall can take a price to zero at most; a rise of more than 1,000% is not a stress test any more. */
    public static final BigDecimal LARGEST_RISE = BigDecimal.TEN;

    public Shock {
        Objects.requireNonNull(move, "move");
        if (move.signum() == 0) {
            throw new IllegalArgumentException("a shock must move the price");
        }
        if (move.compareTo(BigDecimal.ONE.negate()) <= 0 || move.compareTo(LARGEST_RISE) > 0) {
            throw new IllegalArgumentException("move must be above -100% and at most +1000%: " + move);
        }
    }

    public static Shock everySymbol(BigDecimal move) {
        return new Shock(move, null);
    }

    public static Shock of(BigDecimal move, String symbol) {
        return new Shock(move, symbol);
    }

    public Optional<String> onlySymbol() {
        return Optional.ofNullable(symbol);
    }

    public boolean isFall() {
        return move.signum() < 0;
    }

    public boolean moves(String positionSymbol) {
        return symbol == null || symbol.equals(positionSymbol);
    }

    /** The mark after the shock. */
    public BigDecimal apply(String positionSymbol, BigDecimal mark) {
        return moves(positionSymbol) ? mark.multiply(BigDecimal.ONE.add(move)) : mark;
    }
}
