package org.marginsentinel.domain.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

class OneWayNettingTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Fill fill(Side side, String quantity, String price, int leverage, MarginMode mode) {
        return new Fill("BTCUSDT", side, d(quantity), d(price), leverage, mode);
    }

    @Test
    void apply_noPosition_opensOneWithInitialMargin() {
        Netting netting = OneWayNetting.apply(null, fill(Side.LONG, "0.5", "60000", 10, MarginMode.ISOLATED), "n");

        Position opened = netting.position().position();
        assertThat(netting.position().sameAsBefore()).isFalse();
        assertThat(opened.isolatedMargin()).isEqualByComparingTo("3000");
        assertThat(netting.marginRequired()).isEqualByComparingTo("3000");
        assertThat(netting.realizedPnl()).isEqualByComparingTo("0");
    }

    @Test
    void apply_sameSide_increasesAtAveragedEntryAndAddsMargin() {
        Position existing = Position.isolated("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10);

        Netting netting = OneWayNetting.apply(existing, fill(Side.LONG, "1", "50000", 10, MarginMode.ISOLATED), "n");

        Position increased = netting.position().position();
        assertThat(netting.position().sameAsBefore()).isTrue();
        assertThat(increased.quantity()).isEqualByComparingTo("2");
        assertThat(increased.entryPrice()).isEqualByComparingTo("55000");
        assertThat(increased.isolatedMargin()).isEqualByComparingTo("11000");
        assertThat(netting.marginRequired()).isEqualByComparingTo("5000");
    }

    @Test
    void apply_oppositeSideSmaller_reducesAndBooksPnlOnTheClosedPart() {
        Position existing = Position.isolated("1", "BTCUSDT", Side.SHORT, d("2"), d("60000"), 10);

        Netting netting = OneWayNetting.apply(existing, fill(Side.LONG, "0.5", "58000", 10, MarginMode.ISOLATED), "n");

        assertThat(netting.position().position().quantity()).isEqualByComparingTo("1.5");
        assertThat(netting.position().position().isolatedMargin()).isEqualByComparingTo("9000");
        assertThat(netting.closedQuantity()).isEqualByComparingTo("0.5");
        assertThat(netting.realizedPnl()).isEqualByComparingTo("1000");
        assertThat(netting.opensExposure()).isFalse();
    }

    @Test
    void apply_oppositeSideEqual_closesEverything() {
        Position existing = Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10);

        Netting netting = OneWayNetting.apply(existing, fill(Side.SHORT, "1", "61000", 10, MarginMode.CROSS), "n");

        assertThat(netting.closedEverything()).isTrue();
        assertThat(netting.realizedPnl()).isEqualByComparingTo("1000");
    }

    @Test
    void apply_oppositeSideLarger_flipsIntoANewPosition() {
        Position existing = Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10);

        Netting netting = OneWayNetting.apply(existing, fill(Side.SHORT, "3", "59000", 20, MarginMode.CROSS), "n");

        Position flipped = netting.position().position();
        assertThat(netting.position().sameAsBefore()).isFalse();
        assertThat(flipped.side()).isEqualTo(Side.SHORT);
        assertThat(flipped.quantity()).isEqualByComparingTo("2");
        assertThat(flipped.entryPrice()).isEqualByComparingTo("59000");
        assertThat(netting.realizedPnl()).isEqualByComparingTo("-1000");
        assertThat(netting.marginRequired()).isEqualByComparingTo("5900");
    }

    @Test
    void apply_isolatedLossBeyondItsMargin_isCappedAtTheMargin() {
        Position existing = Position.isolated("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 50);

        Netting netting = OneWayNetting.apply(existing, fill(Side.SHORT, "1", "50000", 50, MarginMode.ISOLATED), "n");

        assertThat(netting.realizedPnl()).isEqualByComparingTo("-1200");
    }

    @Test
    void apply_differentMarginMode_isRejected() {
        Position existing = Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10);

        assertThatThrownBy(() -> OneWayNetting.apply(existing, fill(Side.LONG, "1", "1", 10, MarginMode.ISOLATED), "n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
