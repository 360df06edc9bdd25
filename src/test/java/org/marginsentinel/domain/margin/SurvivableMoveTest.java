package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.testsupport.Seeds;

/** The cross pool's survivable joint move: worked examples and properties over generated pools. */
class SurvivableMoveTest {

    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT");
    private static final BigDecimal CENT = new BigDecimal("0.01");
    private final MarginCalculator calculator = new MarginCalculator(TierTable.shippedDefaults());
    private final SurvivableMove solver = new SurvivableMove(calculator);

    /** The issue's pool: 1 BTC long 50x at 95,000 and 2 ETH short 20x at 3,500 on 10,000 USDT, BTC at 86,000. */
    private static List<PricedPosition> issuePool(String btcMark) {
        return List.of(
                new PricedPosition(Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d("95000"), 50), d(btcMark)),
                new PricedPosition(Position.cross("2", "ETHUSDT", Side.SHORT, d("2"), d("3500"), 20), d("3500")));
    }

    @Test
    void issuePool_atBtc86000_survivesLessThanAOnePercentJointMove() {
        // Margin balance 10,000 − 9,000 = 1,000; maintenance 408 (ratio 40.8%: "safe" by ratio alone).
        // Equal shares: BTC falls and ETH rises by x together. The surplus 592 falls by about
        // 86,000 × (1 − 0.005) + 7,000 × (1 + 0.005) = 92,605 per unit of x: x ≈ 0.639%.
        BigDecimal distance = solver.distance(d("10000"), issuePool("86000"), Map.of()).orElseThrow();

        assertThat(distance).isBetween(d("0.0063"), d("0.0065"));
        assertThat(calculator.cross(d("10000"), issuePool("86000")).marginRatio()).isLessThan(d("0.5"));
    }

    @Test
    void onePosition_distanceIsTheDistanceToItsLiquidationPrice() {
        List<PricedPosition> pool = List.of(
                new PricedPosition(Position.cross("1", "BTCUSDT", Side.LONG, d("0.5"), d("80000"), 20), d("78000")));
        CrossAccountRisk risk = calculator.cross(d("3000"), pool);
        BigDecimal expected = Decimals.divide(d("78000").subtract(risk.liquidationPrice("BTCUSDT").orElseThrow()),
                d("78000"));

        BigDecimal distance = solver.distance(d("3000"), pool, Map.of()).orElseThrow();

        // Solved to a tenth of a cent of surplus: over 39,000 USDT of notional that is under 1e-7 of the mark.
        assertThat(distance.subtract(expected).abs()).isLessThan(d("1e-7"));
    }

    @Test
    void shares_moveEachSymbolByItsOwnShare() {
        // ETH moves twice as far as BTC per unit of joint move: the pool survives a smaller joint move.
        BigDecimal equal = solver.distance(d("10000"), issuePool("86000"), Map.of()).orElseThrow();
        BigDecimal ethTwice = solver.distance(d("10000"), issuePool("86000"),
                Map.of("BTCUSDT", BigDecimal.ONE, "ETHUSDT", d("2"))).orElseThrow();

        assertThat(ethTwice).isLessThan(equal);
    }

    @Test
    void deadPool_hasDistanceZero_andAnOverCollateralisedLong_hasNone() {
        assertThat(solver.distance(d("10000"), issuePool("85000"), Map.of())).contains(BigDecimal.ZERO);
        List<PricedPosition> safe = List.of(
                new PricedPosition(Position.cross("1", "BTCUSDT", Side.LONG, d("0.1"), d("80000"), 1), d("80000")));
        assertThat(solver.distance(d("100000"), safe, Map.of())).isEmpty();
        assertThat(solver.distance(d("100000"), List.of(), Map.of())).isEmpty();
    }

    @Test
    void property_atTheFoundMove_balanceEqualsMaintenanceWithinACent_andASmallerMoveLeavesThePoolAlive() {
        Seeds.check(300, 200, seed -> { // counted: pools alive now with a distance
            Random random = new Random(seed);
            BigDecimal wallet = BigDecimal.valueOf(500 + random.nextInt(50_000));
            List<PricedPosition> pool = randomPool(random);
            Map<String, BigDecimal> shares = new HashMap<>();
            for (String symbol : SYMBOLS) {
                if (random.nextBoolean()) {
                    shares.put(symbol, BigDecimal.valueOf(0.3 + random.nextDouble() * 2));
                }
            }
            Optional<BigDecimal> found = solver.distance(wallet, pool, shares);
            if (found.isEmpty() || found.get().signum() == 0) {
                return false;
            }
            BigDecimal move = found.get();
            BigDecimal atMove = solver.surplusAt(wallet, pool, shares, move);
            assertThat(atMove.abs()).as("surplus at the move %s", move).isLessThanOrEqualTo(CENT);
            assertThat(atMove.signum()).as("alive at the reported (surviving) side").isPositive();
            BigDecimal smaller = move.multiply(BigDecimal.valueOf(random.nextDouble()));
            assertThat(solver.surplusAt(wallet, pool, shares, smaller).signum()).as("alive at %s", smaller)
                    .isPositive();
            BigDecimal past = move.add(move.multiply(d("0.001"))).add(d("0.000001"));
            assertThat(solver.surplusAt(wallet, pool, shares, past).signum()).as("dead at %s", past)
                    .isLessThanOrEqualTo(0);
            return true;
        });
    }

    private static List<PricedPosition> randomPool(Random random) {
        List<PricedPosition> pool = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String symbol = SYMBOLS.get(i);
            BigDecimal entry = BigDecimal.valueOf(Math.pow(10, random.nextDouble() * 5)).setScale(4, RoundingMode.HALF_EVEN)
                    .max(d("0.01"));
            BigDecimal quantity = BigDecimal.valueOf(5_000 + random.nextInt(200_000))
                    .divide(entry, 6, RoundingMode.HALF_EVEN).max(d("0.000001"));
            BigDecimal mark = entry.multiply(BigDecimal.valueOf(0.9 + random.nextDouble() * 0.2))
                    .setScale(6, RoundingMode.HALF_EVEN);
            Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
            pool.add(new PricedPosition(Position.cross(String.valueOf(i), symbol, side, quantity, entry,
                    1 + random.nextInt(125)), mark));
        }
        return pool;
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
