package org.marginsentinel.application.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.margin.Side;

/** The send order within one severity: closest to liquidation first, then the higher odds. */
class SendUrgencyTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void closerToLiquidationGoesFirst_whateverTheOdds() {
        assertThat(SendUrgency.rank(d("0.004"), null)).isLessThan(SendUrgency.rank(d("0.005"), d("0.99")));
        assertThat(SendUrgency.rank(d("0.0012"), d("0.1"))).isLessThan(SendUrgency.rank(d("0.0013"), d("0.1")));
    }

    @Test
    void atTheSameDistance_higherOddsGoFirst_andUnknownOddsLast() {
        long likely = SendUrgency.rank(d("0.02"), d("0.40"));
        long lessLikely = SendUrgency.rank(d("0.02"), d("0.05"));
        long unknown = SendUrgency.rank(d("0.02"), null);

        assertThat(likely).isLessThan(lessLikely);
        assertThat(lessLikely).isLessThan(unknown);
    }

    @Test
    void unknownDistance_comesAfterEveryKnownOne_andLiquidationsAfterThat() {
        long farthest = SendUrgency.rank(d("5"), null); // beyond 100%: clamped, still known
        long unknown = SendUrgency.rank(null, d("0.9"));
        long liquidated = SendUrgency.of(new Notice.IsolatedLiquidated(1, 1, "BTCUSDT", Side.LONG, d("1"), d("90000"),
                d("90100"), d("100"), null));

        assertThat(farthest).isLessThan(unknown);
        assertThat(unknown).isLessThan(liquidated);
        assertThat(liquidated).isLessThan(SendUrgency.UNRANKED);
    }

    @Test
    void aPoolsDistance_isEstimatedFromItsMarginRatio_asAPriceMove() {
        // 50x pool at opening: margin balance 2% of notional, maintenance 0.5%: ratio 25%, 1.5% move left
        assertThat(SendUrgency.poolDistance(d("0.25"))).isEqualByComparingTo("0.015");
        assertThat(SendUrgency.poolDistance(d("0.9"))).isLessThan(SendUrgency.poolDistance(d("0.5")));
        assertThat(SendUrgency.poolDistance(null)).isEqualByComparingTo("0"); // margin balance gone
        assertThat(SendUrgency.poolDistance(d("1.2"))).isEqualByComparingTo("0");
        assertThat(SendUrgency.poolDistance(d("0"))).isNull(); // nothing owed: no move liquidates it
    }

    @Test
    void aQueueOfWarnings_sortsNearestFirst_acrossPositionsAndPools() {
        Map<String, Long> ranks = Map.of(
                "pool at 95% ratio (0.03% left)", SendUrgency.rank(SendUrgency.poolDistance(d("0.95")), null),
                "position 0.5% away", SendUrgency.rank(d("0.005"), d("0.6")),
                "position 3% away", SendUrgency.rank(d("0.03"), d("0.2")),
                "pool at 20% ratio (2% left)", SendUrgency.rank(SendUrgency.poolDistance(d("0.2")), null),
                "prices paused", SendUrgency.of(new Notice.FeedPaused(1, java.time.Duration.ofMinutes(2))));
        List<String> queue = new ArrayList<>(ranks.keySet());

        queue.sort(Comparator.comparing(ranks::get));

        assertThat(queue).containsExactly("pool at 95% ratio (0.03% left)", "position 0.5% away",
                "pool at 20% ratio (2% left)", "position 3% away", "prices paused");
    }
}
