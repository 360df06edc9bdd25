package org.marginsentinel.domain.trigger;

import java.math.BigDecimal;
import java.util.Optional;

/** Which way a price alert looks: {@code <} fires once the mark is at or below its level, {@code >} at or above. */
public enum Direction {
    BELOW("<"), ABOVE(">");

    private final String symbol;

    Direction(String symbol) {
        this.symbol = symbol;
    }

    /** {@code "<"} or {@code ">"}, as the trader typed it. */
    public String symbol() {
        return symbol;
    }

    /** True once the mark has reached the level from this side (touching counts: a mark never lands exactly). */
    public boolean reachedBy(BigDecimal mark, BigDecimal level) {
        int compared = mark.compareTo(level);
        return this == BELOW ? compared <= 0 : compared >= 0;
    }

    /** {@code "<"}, {@code "<="}, {@code ">"} or {@code ">="}. */
    public static Optional<Direction> parse(String text) {
        return switch (text == null ? "" : text.strip()) {
            case "<", "<=", "≤" -> Optional.of(BELOW);
            case ">", ">=", "≥" -> Optional.of(ABOVE);
            default -> Optional.empty();
        };
    }
}
