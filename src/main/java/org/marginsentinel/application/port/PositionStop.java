package org.marginsentinel.application.port;

import java.math.BigDecimal;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.trigger.StopKind;

/** A stop of an open paper position, with what the tick needs to judge it from memory (symbol and side). */
public record PositionStop(long positionId, long userId, int positionNumber, String symbol, Side side, StopKind kind,
                           BigDecimal price) {

    /** True when this mark executes it. */
    public boolean triggeredBy(BigDecimal mark) {
        return kind.triggeredBy(side, price, mark);
    }
}
