package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Objects;

/** The outcome of adding margin to, or removing it from, an isolated position. */
public record MarginChange(boolean accepted, Position position, BigDecimal liquidationPrice, String refusal) {

    public static MarginChange accepted(Position position, BigDecimal liquidationPrice) {
        return new MarginChange(true, Objects.requireNonNull(position), liquidationPrice, null);
    }

    public static MarginChange refused(Position unchanged, String reason) {
        return new MarginChange(false, unchanged, null, Objects.requireNonNull(reason));
    }
}
