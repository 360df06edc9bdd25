package org.marginsentinel.adapter.telegram.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FmtTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            value         | expected
            10000         | 10,000.00
            0             | 0.00
            0.004         | 0.00
            -0.004        | 0.00
            1234.565      | 1,234.56
            1234.575      | 1,234.58
            -5.255        | −5.26
            999999999.999 | 1,000,000,000.00
            12            | 12.00
            123456        | 123,456.00
            """)
    void money_roundsHalfEvenToCents_andGroupsThousands(BigDecimal value, String expected) {
        assertThat(Fmt.money(value)).isEqualTo(expected);
    }

    @Test
    void usdt_appendsTheUnit() {
        assertThat(Fmt.usdt(new BigDecimal("10000"))).isEqualTo("10,000.00 USDT");
        assertThat(Fmt.usdt(new BigDecimal("-12.5"))).isEqualTo("−12.50 USDT");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            value     | expected
            1234.56   | +1,234.56
            -1234.56  | −1,234.56
            0         | 0.00
            0.001     | 0.00
            -0.001    | 0.00
            -0.005    | 0.00
            -0.0051   | −0.01
            0.5       | +0.50
            """)
    void signedMoney_alwaysShowsTheSign_exceptForZero(BigDecimal value, String expected) {
        assertThat(Fmt.signedMoney(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            value         | expected
            81341.2       | 81,341.20
            1000          | 1,000.00
            999.9996      | 1,000.00
            112.43        | 112.430
            10            | 10.000
            9.99996       | 10.000
            1.5           | 1.5000
            1             | 1.0000
            0.00384470    | 0.00384470
            0.0038447     | 0.00384470
            0.5           | 0.500000
            0.123456789   | 0.123457
            0.99999999    | 1.0000
            0.00000123456 | 0.00000123456
            0             | 0.00
            -0.5          | −0.500000
            """)
    void price_usesDecimalsThatSuitItsSize(BigDecimal value, String expected) {
        assertThat(Fmt.price(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            value         | expected
            0.500         | 0.5
            1250.50       | 1,250.5
            100           | 100
            1E+3          | 1,000
            0.000000015   | 0.00000002
            0.000000001   | 0
            1234567.12345 | 1,234,567.12345
            -2.50         | −2.5
            0             | 0
            """)
    void quantity_stripsTrailingZeros_keepsAtMostEightDecimals(BigDecimal value, String expected) {
        assertThat(Fmt.quantity(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            fraction  | expected
            0.1234    | 12.34%
            0.031     | 3.10%
            1         | 100.00%
            12.5      | 1,250.00%
            0         | 0.00%
            -0.031    | −3.10%
            0.000049  | 0.00%
            0.00005   | 0.00%
            0.00015   | 0.02%
            """)
    void percent_showsTheFractionTimesHundred(BigDecimal fraction, String expected) {
        assertThat(Fmt.percent(fraction)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
            fraction  | expected
            0.1234    | +12.34%
            -0.031    | −3.10%
            0         | 0.00%
            -0.00004  | 0.00%
            """)
    void signedPercent_alwaysShowsTheSign_exceptForZero(BigDecimal fraction, String expected) {
        assertThat(Fmt.signedPercent(fraction)).isEqualTo(expected);
    }

    @Test
    void everyMethod_printsNullAsADash() {
        assertThat(Fmt.money(null)).isEqualTo("—");
        assertThat(Fmt.usdt(null)).isEqualTo("—");
        assertThat(Fmt.signedMoney(null)).isEqualTo("—");
        assertThat(Fmt.price(null)).isEqualTo("—");
        assertThat(Fmt.quantity(null)).isEqualTo("—");
        assertThat(Fmt.percent(null)).isEqualTo("—");
        assertThat(Fmt.signedPercent(null)).isEqualTo("—");
    }

    @Test
    void minus_isTheUnicodeMinusSign() {
        assertThat(Fmt.MINUS).isEqualTo("\u2212");
        assertThat(Fmt.money(new BigDecimal("-1"))).startsWith("\u2212").doesNotContain("-");
    }
}
