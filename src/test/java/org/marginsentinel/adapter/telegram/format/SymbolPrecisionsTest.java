package org.marginsentinel.adapter.telegram.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.adapter.telegram.format.SymbolPrecisions.Precision;

/** Prices at the symbol's tick, sizes at its step, and Fmt's rules for a symbol no exchange listed. */
class SymbolPrecisionsTest {

    @AfterEach
    void forget() {
        SymbolPrecisions.clear();
    }

    @ParameterizedTest(name = "tick {0}: {1} → {2}")
    @CsvSource({
            "0.10,       97000.04,     '97,000.0'",
            "0.10,       97000.05,     '97,000.0'",   // half-even: to the even tenth
            "0.10,       97000.15,     '97,000.2'",
            "0.10,       97000,        '97,000.0'",   // exactly the tick's decimals, even when they are zero
            "0.00001,    0.3,          '0.30000'",
            "0.00001,    0.301234,     '0.30123'",
            "0.0000001,  0.0038447,    '0.0038447'",
            "0.0000001,  0.00384474,   '0.0038447'",
            "0.01,       200,          '200.00'",
            "0.05,       1.23,         '1.25'",       // a tick of 5 hundredths: the nearest multiple of it
            "1,          81341.5,      '81,342'",
            "10,         81345,        '81,340'",
            "0.10,       -12.34,       '−12.3'",
            "0.10,       -0.04,        '0.0'",        // rounds to zero: no sign
    })
    void aPrice_isRoundedToTheTick_andWrittenWithItsDecimals(String tick, String price, String written) {
        SymbolPrecisions.replaceAll(Map.of("XUSDT", new Precision(new BigDecimal(tick), null)));

        assertThat(SymbolPrecisions.price("XUSDT", new BigDecimal(price))).isEqualTo(written);
    }

    @ParameterizedTest(name = "step {0}: {1} → {2}")
    @CsvSource({
            "0.001,  0.0120,         '0.012'",
            "0.001,  0.0125,         '0.0125'",       // off the step: the true size
            "0.001,  2.5,            '2.5'",          // trailing zeros dropped
            "0.001,  3,              '3'",
            "1,      3333.00000000,  '3,333'",
            "1,      3333.33333333,  '3,333.33333333'", // off the step (a paper size): the true size, not 3,333
            "0.10,   1.25,           '1.25'",
            "0.10,   1.20,           '1.2'",
            "100,    12345,          '12,345'",       // a step above 1 writes whole units, not hundreds
            "0.001,  -0.5,           '−0.5'",
    })
    void aSize_isWrittenAtTheStepsDecimals_withoutTrailingZeros(String step, String size, String written) {
        SymbolPrecisions.replaceAll(Map.of("XUSDT", new Precision(null, new BigDecimal(step))));

        assertThat(SymbolPrecisions.quantity("XUSDT", new BigDecimal(size))).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "81341.5,     '81,342'",      // 5 significant figures; integers always allowed
            "123456.7,    '123,457'",
            "2641.234,    '2,641.2'",
            "112.4356,    '112.44'",
            "1.234567,    '1.2346'",
            "9.99996,     '10.000'",      // judged after rounding: still 5 figures
            "99999.7,     '100,000'",
            "0.0038447,   '0.003845'",    // at most 6 − szDecimals (0) = 6 decimals
    })
    void aHyperliquidPrice_hasFiveSignificantFigures_andAtMostItsDecimals(String price, String written) {
        // kPEPE: szDecimals 0 → prices with at most 6 decimals; the others as if szDecimals were 2 (4 decimals)
        BigDecimal finest = new BigDecimal(price).compareTo(BigDecimal.ONE) < 0 ? new BigDecimal("0.000001")
                : new BigDecimal("0.0001");
        SymbolPrecisions.replaceAll(Map.of("COIN", new Precision(finest, new BigDecimal("0.01"), 5)));

        assertThat(SymbolPrecisions.price("COIN", new BigDecimal(price))).isEqualTo(written);
    }

    @Test
    void aSymbolNoExchangeListed_isWrittenByFmtsRules() {
        SymbolPrecisions.replaceAll(Map.of("BTCUSDT", new Precision(new BigDecimal("0.10"), new BigDecimal("0.001"))));

        BigDecimal price = new BigDecimal("0.0000100000");
        assertThat(SymbolPrecisions.price("DOGEUSDT", price)).isEqualTo(Fmt.price(price));
        assertThat(SymbolPrecisions.price(null, price)).isEqualTo(Fmt.price(price));
        assertThat(SymbolPrecisions.quantity("DOGEUSDT", new BigDecimal("3333.33333333")))
                .isEqualTo(Fmt.quantity(new BigDecimal("3333.33333333")));
        assertThat(SymbolPrecisions.price("BTCUSDT", null)).isEqualTo(Fmt.MISSING);
        assertThat(SymbolPrecisions.quantity("BTCUSDT", null)).isEqualTo(Fmt.MISSING);
    }

    @Test
    void clear_forgetsEveryPrecision() {
        SymbolPrecisions.replaceAll(Map.of("DOGEUSDT", new Precision(new BigDecimal("0.00001"), BigDecimal.ONE)));
        assertThat(SymbolPrecisions.price("DOGEUSDT", new BigDecimal("0.3"))).isEqualTo("0.30000");

        SymbolPrecisions.clear();

        assertThat(SymbolPrecisions.price("DOGEUSDT", new BigDecimal("0.3"))).isEqualTo("0.300000");
    }

    /**
     * Any price at any power-of-ten or 5-multiple tick: the text has exactly the tick's decimals, reads back as a
     * whole number of ticks, and is within half a tick of the price.
     */
    @Test
    void property_aWrittenPriceIsTheNearestTick_withTheTicksDecimals() {
        Random random = new Random(15);
        for (int i = 0; i < 5_000; i++) {
            int decimals = random.nextInt(9);
            BigDecimal tick = BigDecimal.ONE.movePointLeft(decimals).multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : 5));
            BigDecimal price = BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L)).movePointLeft(random.nextInt(12));
            SymbolPrecisions.replaceAll(Map.of("XUSDT", new Precision(tick, null)));

            String written = SymbolPrecisions.price("XUSDT", price);
            BigDecimal back = new BigDecimal(written.replace(",", ""));

            int expectedDecimals = Math.max(0, tick.stripTrailingZeros().scale());
            assertThat(back.scale()).as("%s at tick %s", price, tick).isEqualTo(expectedDecimals);
            assertThat(back.remainder(tick).signum()).as("%s at tick %s", price, tick).isZero();
            assertThat(back.subtract(price).abs().multiply(BigDecimal.valueOf(2))).as("%s at tick %s", price, tick)
                    .isLessThanOrEqualTo(tick);
        }
    }

    /** Any size at any power-of-ten step: on the step at most its decimals, off it the true size; never rounded away. */
    @Test
    void property_aWrittenSizeIsTheTrueSize_atTheStepsDecimalsWhenOnTheStep() {
        Random random = new Random(16);
        for (int i = 0; i < 5_000; i++) {
            BigDecimal step = BigDecimal.ONE.movePointLeft(random.nextInt(9));
            BigDecimal size = BigDecimal.valueOf(random.nextLong(1, 10_000_000_000L)).movePointLeft(random.nextInt(9));
            SymbolPrecisions.replaceAll(Map.of("XUSDT", new Precision(null, step)));

            String written = SymbolPrecisions.quantity("XUSDT", size);
            BigDecimal back = new BigDecimal(written.replace(",", ""));

            assertThat(written).as("%s at step %s", size, step).doesNotMatch(".*\\.\\d*0$");
            assertThat(back).as("%s at step %s", size, step).isEqualByComparingTo(size);
            if (size.remainder(step).signum() == 0) {
                assertThat(back.scale()).as("%s at step %s", size, step).isLessThanOrEqualTo(step.scale());
            }
        }
    }
}
