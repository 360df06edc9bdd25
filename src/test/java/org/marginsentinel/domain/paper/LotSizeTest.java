package org.marginsentinel.domain.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The sizes an exchange accepts: whole steps, none below the smallest order. Every number worked out by hand. */
class LotSizeTest {

    private static final LotSize BTC = new LotSize(d("0.001"), d("0.001"));
    /** A minimum above one step, and not on it: the smallest order is the minimum rounded up to the step. */
    private static final LotSize ODD = new LotSize(d("0.1"), d("0.25"));

    @Test
    void floor_roundsDown_neverUp() {
        // 100 USDT at 97,000: 0.00103092… BTC → 0.001
        assertThat(BTC.floor(d("0.0010309278"))).isEqualByComparingTo("0.001");
        assertThat(BTC.floor(d("0.0019999"))).isEqualByComparingTo("0.001");
        assertThat(BTC.floor(d("0.002"))).isEqualByComparingTo("0.002");
        assertThat(BTC.floor(d("0.0009"))).isEqualByComparingTo("0");
        assertThat(new LotSize(d("1"), null).floor(d("26010.9"))).isEqualByComparingTo("26010");
        assertThat(new LotSize(d("1"), null).floor(d("26010.9")).toPlainString()).isEqualTo("26010");
    }

    @Test
    void onStep_andAccepted() {
        assertThat(BTC.isOnStep(d("0.012"))).isTrue();
        assertThat(BTC.isOnStep(d("0.0125"))).isFalse();
        assertThat(BTC.accepts(d("0.001"))).isTrue();
        assertThat(BTC.accepts(d("0.0005"))).isFalse();
        assertThat(ODD.isOnStep(d("0.2"))).isTrue();
        assertThat(ODD.accepts(d("0.2"))).as("on the step, below the minimum").isFalse();
        assertThat(ODD.accepts(d("0.3"))).isTrue();
    }

    @Test
    void smallest_isTheMinimumOnTheStep_orOneStep() {
        assertThat(BTC.smallest()).isEqualByComparingTo("0.001");
        assertThat(ODD.smallest()).isEqualByComparingTo("0.3"); // 0.25 rounded up to 0.1 steps
        assertThat(new LotSize(d("0.01"), null).smallest()).isEqualByComparingTo("0.01");
        assertThat(new LotSize(d("1"), d("0.5")).smallest()).isEqualByComparingTo("1"); // never below one step
    }

    @Test
    void nearestAccepted_belowAndAbove() {
        assertThat(BTC.acceptedAtOrBelow(d("0.0125"))).hasValueSatisfying(q -> assertThat(q).isEqualByComparingTo("0.012"));
        assertThat(BTC.acceptedAtOrAbove(d("0.0125"))).isEqualByComparingTo("0.013");
        assertThat(BTC.acceptedAtOrBelow(d("0.0005"))).as("nothing below one step").isEmpty();
        assertThat(BTC.acceptedAtOrAbove(d("0.0005"))).isEqualByComparingTo("0.001");
        assertThat(ODD.acceptedAtOrBelow(d("0.25"))).as("0.2 is below the minimum").isEmpty();
        assertThat(ODD.acceptedAtOrAbove(d("0.05"))).isEqualByComparingTo("0.3");
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theMinimumOrderValue_andTheSmallestSizeWorthIt() {
        LotSize btc = new LotSize(d("0.001"), d("0.001"), d("100"));
        // 0.001 × 97,000 = 97 < 100; 0.002 × 97,000 = 194
        assertThat(btc.isWorthLessThanMinimum(d("0.001"), d("97000"))).isTrue();
        assertThat(btc.isWorthLessThanMinimum(d("0.002"), d("97000"))).isFalse();
        // exactly 100 is enough: 0.001 × 100,000
        assertThat(btc.isWorthLessThanMinimum(d("0.001"), d("100000"))).isFalse();
        // 100 / 97,000 = 0.00103… → 0.002 on the step; 100 / 100,000 = 0.001 exactly stays 0.001
        assertThat(btc.smallestWorthMinimumAt(d("97000"))).isEqualByComparingTo("0.002");
        assertThat(btc.smallestWorthMinimumAt(d("100000"))).isEqualByComparingTo("0.001");
        // 5 / 0.0123 = 406.5… → 407 on a step of 1
        assertThat(new LotSize(d("1"), d("1"), d("5")).smallestWorthMinimumAt(d("0.0123"))).isEqualByComparingTo("407");

        assertThat(BTC.isWorthLessThanMinimum(d("0.001"), d("1"))).as("none known: never").isFalse();
        assertThat(BTC.smallestWorthMinimumAt(d("97000"))).isEqualByComparingTo("0.001");
        assertThat(new LotSize(d("0.001"), null, d("0")).minNotional()).as("zero means none").isNull();
    }
}
