package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.margin.PositionRisk;

/** What the risk tick decided for one flagged subject; {@link RiskMonitor} carries it out. */
sealed interface TickDecision {

    /** Nothing to do (no fresh mark for a symbol it needs). */
    record Skip() implements TickDecision {
    }

    /** The held level stands: only the index's remembered level follows (memory, no write). */
    record Hold(byte level) implements TickDecision {
    }

    /** Store the subject's new alert state, with the warning to queue ({@code notice} null: state only). */
    record Record(String subject, long userId, AlertState state, Notice notice) implements TickDecision {

        boolean warns() {
            return notice != null;
        }
    }

    /**
     * An isolated position is past its liquidation price at this mark: {@code judged} is the exact verdict, which the
     * liquidation under the account's lock takes when the locked position is the one judged.
     */
    record LiquidateIsolated(String subject, long userId, long positionId, BigDecimal mark, PositionRisk judged)
            implements TickDecision {
    }

    /** A cross pool's margin ratio reached 100% at this tick's marks. */
    record LiquidateCross(String subject, long userId) implements TickDecision {
    }
}
