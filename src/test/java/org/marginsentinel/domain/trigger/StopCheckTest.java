package org.marginsentinel.domain.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.trigger.StopCheck.Verdict;

class StopCheckTest {

    private static final BigDecimal TAKER = new BigDecimal("0.0005");

    @ParameterizedTest(name = "[{index}] {0} {1} at {2} (entry {3}, mark {4}, liq {5}): {6}")
    @CsvSource(textBlock = """
            # kind,      side,  stop,   entry,  mark,   liquidation, verdict
            STOP_LOSS,   LONG,  95000,  100000, 100000, 90500,  OK
            # at or beyond the liquidation price: liquidated first
            STOP_LOSS,   LONG,  90500,  100000, 100000, 90500,  NEVER_FIRES
            STOP_LOSS,   LONG,  90000,  100000, 100000, 90500,  NEVER_FIRES
            STOP_LOSS,   SHORT, 110000, 100000, 100000, 109500, NEVER_FIRES
            STOP_LOSS,   SHORT, 105000, 100000, 100000, 109500, OK
            # no liquidation price (1x long): any stop can fire
            STOP_LOSS,   LONG,  1000,   100000, 100000,       , OK
            # the mark is already past it: it would fire at once
            STOP_LOSS,   LONG,  101000, 100000, 100500, 90500,  FIRES_NOW
            TAKE_PROFIT, LONG,  100400, 100000, 100500, 90500,  FIRES_NOW
            TAKE_PROFIT, SHORT, 100600, 100000, 100500, 109500, FIRES_NOW
            # fees of 0.05% in and out are about 100 on 100,000: a take-profit 50 away loses, 150 away wins
            TAKE_PROFIT, LONG,  100050, 100000, 100000, 90500,  LOSES_AFTER_FEES
            TAKE_PROFIT, LONG,  100150, 100000, 100000, 90500,  OK
            TAKE_PROFIT, SHORT, 99950,  100000, 100000, 109500, LOSES_AFTER_FEES
            TAKE_PROFIT, SHORT, 99850,  100000, 100000, 109500, OK
            # a take-profit below a long's entry (the mark fell further): a loss, flagged
            TAKE_PROFIT, LONG,  98000,  100000, 97000,  90500,  LOSES_AFTER_FEES
            """)
    void check(StopKind kind, Side side, BigDecimal stop, BigDecimal entry, BigDecimal mark, BigDecimal liquidation,
               Verdict expected) {
        assertThat(StopCheck.check(kind, side, stop, entry, mark, liquidation, TAKER)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} at {2}, mark {3}: {4}")
    @CsvSource(textBlock = """
            STOP_LOSS,   LONG,  95000,  95000,  true
            STOP_LOSS,   LONG,  95000,  95001,  false
            STOP_LOSS,   SHORT, 105000, 105000, true
            STOP_LOSS,   SHORT, 105000, 104999, false
            TAKE_PROFIT, LONG,  110000, 110001, true
            TAKE_PROFIT, LONG,  110000, 109999, false
            TAKE_PROFIT, SHORT, 90000,  89999,  true
            TAKE_PROFIT, SHORT, 90000,  90001,  false
            """)
    void triggeredBy_markReachesTheStop(StopKind kind, Side side, BigDecimal stop, BigDecimal mark, boolean fires) {
        assertThat(kind.triggeredBy(side, stop, mark)).isEqualTo(fires);
    }
}
