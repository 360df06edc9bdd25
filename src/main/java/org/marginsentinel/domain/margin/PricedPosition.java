package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Objects;

/** A position together with the mark price it is valued at. */
public record PricedPosition(Position position, BigDecimal markPrice) {

    public PricedPosition {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(markPrice, "markPrice");
        if (markPrice.signum() <= 0) {
            throw new IllegalArgumentException("markPrice must be positive: " + markPrice);
        }
    }
}
