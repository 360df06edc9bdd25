package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceTextTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(textBlock = """
            81341.20000000, 81341.2
            0.00384470,     0.0038447
            ' 112.43 ',     112.43
            1e3,            1000
            3.842e-06,      0.000003842
            .5,             0.5
            """)
    void parse_positiveDecimal_isAccepted(String raw, String expected) {
        assertThat(PriceText.parse(raw)).hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(expected));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"0", "0.00000000", "-1", "-0.5", "abc", "NaN", "Infinity", "1,5", "0x10",
            "١٢٣", "1e999", "10000000000000", "1e-30", "12 34"})
    void parse_zeroNegativeOrNonNumeric_isRejected(String raw) {
        assertThat(PriceText.parse(raw)).isEmpty();
    }
}
