package org.marginsentinel.domain.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

class LeverageChangeTest {

    /** 0.1 BTC long from 100,000 at 10x: 1,000 of initial margin, plus whatever was added. */
    @ParameterizedTest(name = "[{index}] margin {0}, {1}x → {2}x at {3}: allowed {4}")
    @CsvSource(textBlock = """
            # isolated margin, from, to, mark,   allowed
            1000,             10,   20,  100000, true
            1000,             10,   10,  100000, true
            1000,             10,   5,   100000, false
            2000,             10,   5,   100000, true
            1999.99,          10,   5,   100000, false
            2000,             10,   5,   110000, false
            """)
    void refusal_isolated_onlyWhenTheMarginCannotCoverTheNewInitialMargin(BigDecimal margin, int from, int to,
                                                                          BigDecimal mark, boolean allowed) {
        Position position = new Position("1", "BTCUSDT", Side.LONG, new BigDecimal("0.1"), new BigDecimal("100000"),
                from, MarginMode.ISOLATED, margin);

        Optional<String> refusal = LeverageChange.refusal(position, to, mark);

        assertThat(refusal.isEmpty()).isEqualTo(allowed);
        refusal.ifPresent(reason -> assertThat(reason).contains("one leverage per symbol").contains("/margin"));
    }

    @ParameterizedTest
    @CsvSource({"10, 5", "10, 1", "5, 20"})
    void refusal_cross_isLeftToThePoolsAvailableBalanceCheck(int from, int to) {
        Position position = Position.cross("1", "BTCUSDT", Side.LONG, new BigDecimal("0.1"), new BigDecimal("100000"),
                from);

        assertThat(LeverageChange.refusal(position, to, new BigDecimal("100000"))).isEmpty();
    }
}
