package org.marginsentinel.domain.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceAlertTest {

    @ParameterizedTest(name = "[{index}] {0} {1} at mark {2} fires: {3}")
    @CsvSource(textBlock = """
            # direction, level, mark, fires
            <,  90000, 90000.01, false
            <,  90000, 90000,    true
            <,  90000, 89999.5,  true
            >,  4000,  3999.99,  false
            >,  4000,  4000,     true
            >,  4000,  4200,     true
            <=, 0.3,   0.2999,   true
            >=, 0.3,   0.2999,   false
            """)
    void firesAt_markAtOrPastTheLevel(String direction, BigDecimal level, BigDecimal mark, boolean fires) {
        PriceAlert alert = new PriceAlert(1, 7, "BTCUSDT", Direction.parse(direction).orElseThrow(), level);

        assertThat(alert.firesAt(mark)).isEqualTo(fires);
    }

    @Test
    void parse_unknownDirection_isEmpty() {
        assertThat(Direction.parse("=")).isEmpty();
        assertThat(Direction.parse("≤")).contains(Direction.BELOW);
    }

    @Test
    void level_mustBePositive() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new PriceAlert(1, 7, "BTCUSDT", Direction.BELOW, BigDecimal.ZERO));
    }
}
