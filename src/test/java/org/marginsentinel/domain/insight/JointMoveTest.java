package org.marginsentinel.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

/** How the pool's symbols share the joint move, and the odds of that move. */
class JointMoveTest {

    private static final Duration HOURLY = Duration.ofHours(1);
    private static final Position BTC = Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d("90000"), 10);
    private static final Position ETH = Position.cross("2", "ETHUSDT", Side.LONG, d("30"), d("3000"), 10);

    @Test
    void shares_followVolatility_weightedByOpeningNotional() {
        // Notionals 90,000 and 90,000; σ 2% and 4%: the pool's σ is 3%, BTC moves 2/3 of x, ETH 4/3 of x.
        JointMove move = JointMove.of(List.of(BTC, ETH), vols(Map.of("BTCUSDT", 0.02, "ETHUSDT", 0.04)));

        assertThat(move.poolVolatility()).isCloseTo(0.03, within(1e-12));
        assertThat(move.shareOf("BTCUSDT").doubleValue()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(move.shareOf("ETHUSDT").doubleValue()).isCloseTo(4.0 / 3, within(1e-12));
        assertThat(move.volatilityScaled()).isTrue();
    }

    @Test
    void withoutEverySymbolsVolatility_sharesAreEqual_andNoOddsAreQuoted() {
        JointMove move = JointMove.of(List.of(BTC, ETH), vols(Map.of("BTCUSDT", 0.02)));

        assertThat(move.shareOf("BTCUSDT")).isEqualByComparingTo("1");
        assertThat(move.shareOf("ETHUSDT")).isEqualByComparingTo("1");
        assertThat(move.odds(d("0.05"), LiquidationOdds.DEFAULT_HORIZON)).isEmpty();
    }

    @Test
    void odds_ofAOneSymbolPool_areThatSymbolsTouchOdds() {
        // A long-only pool of one symbol: its joint move is that symbol's fall; the odds equal the isolated formula
        // for a liquidation price 9.6% under the mark.
        JointMove move = JointMove.of(List.of(BTC), vols(Map.of("BTCUSDT", 0.05)));
        OddsEstimate pool = move.odds(d("0.096"), LiquidationOdds.DEFAULT_HORIZON).orElseThrow();
        OddsEstimate isolated = LiquidationOdds.estimate(Side.LONG, d("100"), d("90.4"),
                new DailyVolatility(0.05, 100, HOURLY), LiquidationOdds.DEFAULT_HORIZON).orElseThrow();

        assertThat(pool.probability()).isCloseTo(isolated.probability(), within(1e-9));
        assertThat(pool.volUnits()).isCloseTo(isolated.volUnits(), within(1e-9));
    }

    @Test
    void issueExample_twoLongsFailingAJoint9Point6PercentFall_haveOddsNear17PercentAt7PercentDailyVolatility() {
        // 2·N(−ln(1/0.904) / 0.074) = 2·N(−1.364) ≈ 17%: the order of the issue's figure, not "under 0.01%".
        JointMove move = JointMove.of(List.of(BTC, ETH), vols(Map.of("BTCUSDT", 0.074, "ETHUSDT", 0.074)));

        double odds = move.odds(d("0.096"), LiquidationOdds.DEFAULT_HORIZON).orElseThrow().probability();

        assertThat(odds).isBetween(0.16, 0.18);
    }

    @Test
    void crossOdds_fromTheJointMove_areFarAboveTheOneMarkMovesOdds() {
        // 1 BTC long and 30 ETH long, 20x, on 15,000 USDT: each symbol's "liquidation price" assumes the other
        // stays put, so its odds are tiny; the joint move that actually kills the pool is much likelier.
        MarginCalculator calculator = new MarginCalculator(TierTable.shippedDefaults());
        List<PricedPosition> pool = List.of(new PricedPosition(BTC, d("90000")), new PricedPosition(ETH, d("3000")));
        Map<String, Double> sigma = Map.of("BTCUSDT", 0.03, "ETHUSDT", 0.04);
        PoolDistance distance = PoolDistance.of(calculator, d("15000"), pool, vols(sigma));
        var cross = calculator.cross(d("15000"), pool);
        double btcAlone = LiquidationOdds.estimate(Side.LONG, d("90000"), cross.liquidationPrice("BTCUSDT").orElseThrow(),
                new DailyVolatility(0.03, 100, HOURLY), LiquidationOdds.DEFAULT_HORIZON).orElseThrow().probability();

        assertThat(distance.odds().probability()).isGreaterThan(10 * btcAlone);
    }

    private static java.util.function.Function<String, Optional<DailyVolatility>> vols(Map<String, Double> daily) {
        return symbol -> Optional.ofNullable(daily.get(symbol)).map(v -> new DailyVolatility(v, 100, HOURLY));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
