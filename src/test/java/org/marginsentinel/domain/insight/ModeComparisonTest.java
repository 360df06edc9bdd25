package org.marginsentinel.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;

class ModeComparisonTest {

    private final MarginCalculator flat = new MarginCalculator(
            p -> TierSchedule.flat(new BigDecimal("0.004"), BigDecimal.ZERO));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void crossLong_isolatedHasItsInitialMargin_crossHasTheWholeWallet() {
        Position btc = Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10);

        ModeComparison comparison = ModeComparison.of(flat, d("10000"), List.of(new PricedPosition(btc, d("60000"))));

        ModeComparison.Row row = comparison.rows().get(0);
        // isolated with 6,000: 0.996 P = 54,000; cross with 10,000: 0.996 P = 50,000
        assertThat(row.isolatedMargin()).isEqualByComparingTo("6000");
        assertThat(row.liquidationIsolated()).isCloseTo(d("54216.867469879518"), within(d("1e-9")));
        assertThat(row.liquidationCross()).isCloseTo(d("50200.803212851406"), within(d("1e-9")));
        assertThat(row.distanceCross()).isGreaterThan(row.distanceIsolated());
        assertThat(comparison.isolatedWorstCase()).isEqualByComparingTo("6000");
        assertThat(comparison.crossWorstCase()).isEqualByComparingTo("10000");
        assertThat(comparison.isolatedUnaffordable()).isFalse();
    }

    @Test
    void isolatedPositions_keepTheirOwnMargin_andShareTheWalletInCross() {
        Position btc = new Position("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10, MarginMode.ISOLATED, d("8000"));
        Position eth = Position.isolated("2", "ETHUSDT", Side.SHORT, d("10"), d("3000"), 5);

        ModeComparison comparison = ModeComparison.of(flat, d("20000"),
                List.of(new PricedPosition(btc, d("60000")), new PricedPosition(eth, d("3000"))));

        assertThat(comparison.rows().get(0).isolatedMargin()).isEqualByComparingTo("8000");
        assertThat(comparison.rows().get(1).isolatedMargin()).isEqualByComparingTo("6000");
        assertThat(comparison.isolatedWorstCase()).isEqualByComparingTo("14000");
        assertThat(comparison.crossWorstCase()).isEqualByComparingTo("20000");
        // isolated short: 6,000 − 10 (P − 3,000) = 0.04 P ⇔ P = 36,000 / 10.04 = 3,585.66
        assertThat(comparison.rows().get(1).liquidationIsolated()).isCloseTo(d("3585.657370517928"), within(d("1e-9")));
    }

    @Test
    void moreMarginThanTheWallet_isUnaffordableIsolated() {
        Position btc = Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 2);

        assertThat(ModeComparison.of(flat, d("10000"), List.of(new PricedPosition(btc, d("60000"))))
                .isolatedUnaffordable()).isTrue();
    }
}
