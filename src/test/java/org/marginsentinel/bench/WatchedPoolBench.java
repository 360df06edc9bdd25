package org.marginsentinel.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.insight.PoolReconstruction;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.PublishedTier;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.HyperliquidMarket;
import org.marginsentinel.domain.watch.HyperliquidValuer;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.WatchedPosition;
import org.marginsentinel.domain.watch.WatchedValuation;

/**
 * CPU cost of judging a watched cross pool (the valuation and survivable joint move a watched account's poll runs)
 * and of reconstructing a pool's 24 hours for {@code /chart pool}, with 1, 5 and 20 cross positions. Plain JUnit on
 * the domain and application classes (no framework, no database): the figures are the calculations alone. Not run by
 * {@code ./mvnw verify} (surefire runs {@code *Test} only):
 * {@code ./mvnw test -Dtest=WatchedPoolBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class WatchedPoolBench {

    private static final String[] COINS = {"BTC", "ETH", "SOL", "BNB", "XRP", "DOGE", "ADA", "LINK", "AVAX", "DOT",
            "LTC", "BCH", "TRX", "UNI", "ATOM", "NEAR", "APT", "ARB", "OP", "FIL"};
    private static final double[] PRICES = {90000, 3000, 200, 600, 2.2, 0.35, 0.9, 20, 35, 6, 100, 450, 0.25, 12, 8, 5,
            10, 0.8, 2, 5};
    private static final int[] SIZES = {1, 5, 20};
    private static final long MEASURE_NANOS = Duration.ofSeconds(3).toNanos();
    private static final long WARM_UP_NANOS = Duration.ofSeconds(2).toNanos();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void watchedCrossPool_valuationAndSurvivableMove() {
        HyperliquidValuer valuer = new HyperliquidValuer();
        HyperliquidMarket market = market();
        List<String> lines = new ArrayList<>();
        for (int size : SIZES) {
            WatchedAccountState state = hyperliquidAccount(size, new Random(size));
            Map<String, BigDecimal> marks = new HashMap<>();
            state.positions().forEach(p -> marks.put(p.coin(), market.mark(p.coin()).orElseThrow()));
            Supplier<Object> judge = () -> {
                WatchedValuation valuation = valuer.value(state, market, marks);
                return WatchedPortfolio.of(valuation, market).poolDistance(WatchedPoolBench::volatility).orElseThrow();
            };
            PoolDistance distance = (PoolDistance) judge.get();
            assertThat(distance.move()).as("a pool with a distance to find").isNotNull().isPositive();
            Figures valueOnly = measure(() -> valuer.value(state, market, marks));
            Figures whole = measure(judge);
            WatchedPortfolio portfolio = WatchedPortfolio.of(valuer.value(state, market, marks), market);
            Figures moveOnly = measure(() -> portfolio.poolDistance(WatchedPoolBench::volatility).orElseThrow());
            lines.add(String.format(Locale.ROOT,
                    "%2d cross positions (move %.1f%%): judged %s per pool (valuation %s, survivable move %s); "
                            + "2,000 accounts: %.0f ms of CPU per round (%.3f%% of a core over 10 min, %.2f%% "
                            + "when every market poll (10 s) judges them all)",
                    size, distance.move().doubleValue() * 100, whole, valueOnly, moveOnly,
                    whole.cpuMicros * 2000 / 1000, whole.cpuMicros * 2000 / 600e6 * 100,
                    whole.cpuMicros * 2000 / 10e6 * 100));
        }
        BenchReport.print("Watched cross pool judged (Hyperliquid rules, WatchedPoolBench)", lines);
    }

    @Test
    void poolChart_reconstructs24Hours() {
        TierTable tiers = TierTable.shippedDefaults();
        PoolReconstruction reconstruction = new PoolReconstruction(new MarginCalculator(tiers));
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        Instant from = now.minus(Duration.ofHours(24));
        List<String> lines = new ArrayList<>();
        for (Duration step : List.of(Duration.ofMinutes(1), Duration.ofMinutes(3))) {
            for (int size : SIZES) {
                Random random = new Random(size);
                List<StoredPosition> open = new ArrayList<>();
                Map<String, List<MarkSample>> marks = new HashMap<>();
                BigDecimal notional = BigDecimal.ZERO;
                for (int i = 0; i < size; i++) {
                    String symbol = COINS[i] + "USDT";
                    BigDecimal price = BigDecimal.valueOf(PRICES[i]);
                    BigDecimal quantity = BigDecimal.valueOf(500 + random.nextInt(4500))
                            .divide(price, 6, RoundingMode.HALF_UP);
                    Side side = random.nextInt(10) < 7 ? Side.LONG : Side.SHORT;
                    open.add(new StoredPosition(i + 1, 1, i + 1, Position.cross(String.valueOf(i + 1), symbol, side,
                            quantity, price, 10), from.minus(Duration.ofDays(1))));
                    notional = notional.add(quantity.multiply(price));
                    marks.put(symbol, candles(symbol, price, from, now, step, random));
                }
                PoolReconstruction.Facts facts = new PoolReconstruction.Facts(1, notional.divide(BigDecimal.valueOf(5),
                        2, RoundingMode.HALF_UP), from.minus(Duration.ofDays(30)), open, List.of(), Optional.empty());
                int points = reconstruction.reconstruct(facts, marks, from, now).points().size();
                Figures figures = measure(() -> reconstruction.reconstruct(facts, marks, from, now));
                lines.add(String.format(Locale.ROOT, "%d-minute marks, %2d cross positions: %,d points in %s",
                        step.toMinutes(), size, points, figures));
            }
        }
        BenchReport.print("/chart pool, 24 h reconstructed (PoolReconstruction, WatchedPoolBench)", lines);
    }

    /** A random walk of marks every {@code step}, ±0.1% a step. */
    private static List<MarkSample> candles(String symbol, BigDecimal start, Instant from, Instant now, Duration step,
                                            Random random) {
        List<MarkSample> samples = new ArrayList<>();
        double price = start.doubleValue();
        for (Instant at = from; at.isBefore(now); at = at.plus(step)) {
            price *= 1 + (random.nextDouble() - 0.5) * 0.002;
            samples.add(new MarkSample(symbol, at, BigDecimal.valueOf(price).setScale(8, RoundingMode.HALF_UP)));
        }
        return samples;
    }

    /** {@code size} cross positions at 10x, 70% longs, backed by a fifth of their notional (a pool ~15–20% away). */
    private static WatchedAccountState hyperliquidAccount(int size, Random random) {
        List<WatchedPosition> positions = new ArrayList<>();
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
        for (int i = 0; i < size; i++) {
            BigDecimal mark = BigDecimal.valueOf(PRICES[i]);
            BigDecimal entry = mark.multiply(BigDecimal.valueOf(0.97 + random.nextDouble() * 0.06))
                    .setScale(6, RoundingMode.HALF_UP);
            BigDecimal value = BigDecimal.valueOf(500 + random.nextInt(4500));
            BigDecimal quantity = value.divide(mark, 6, RoundingMode.HALF_UP);
            Side side = random.nextInt(10) < 7 ? Side.LONG : Side.SHORT;
            BigDecimal positionValue = quantity.multiply(mark);
            BigDecimal unrealized = mark.subtract(entry).multiply(quantity).multiply(side.signDecimal());
            positions.add(new WatchedPosition(COINS[i], side, quantity, entry, MarginMode.CROSS, 10, null,
                    positionValue.divide(BigDecimal.TEN, 6, RoundingMode.HALF_UP), positionValue, unrealized, 40));
            notional = notional.add(positionValue);
            pnl = pnl.add(unrealized);
        }
        BigDecimal crossValue = notional.divide(BigDecimal.valueOf(5), 6, RoundingMode.HALF_UP).add(pnl);
        return new WatchedAccountState(Instant.parse("2026-12-05T12:00:00Z"), crossValue, crossValue,
                notional.multiply(new BigDecimal("0.0125")), BigDecimal.ZERO, positions);
    }

    private static HyperliquidMarket market() {
        Map<String, HyperliquidMarket.Asset> assets = new HashMap<>();
        for (int i = 0; i < COINS.length; i++) {
            assets.put(COINS[i], new HyperliquidMarket.Asset(COINS[i], BigDecimal.valueOf(PRICES[i]),
                    new BigDecimal("0.0000125"), 40, List.of(
                    new PublishedTier(BigDecimal.ZERO, new BigDecimal("150000000"), 40, null, null),
                    new PublishedTier(new BigDecimal("150000000"), null, 20, null, null))));
        }
        return new HyperliquidMarket(assets);
    }

    private static Optional<DailyVolatility> volatility(String coin) {
        return Optional.of(new DailyVolatility(0.03 + (coin.hashCode() & 7) * 0.005, 30, Duration.ofDays(1)));
    }

    private record Figures(double cpuMicros, double wallMicros, long runs) {

        @Override
        public String toString() {
            return cpuMicros >= 10_000
                    ? String.format(Locale.ROOT, "%.1f ms CPU (%.1f ms wall, %,d runs)", cpuMicros / 1000,
                    wallMicros / 1000, runs)
                    : String.format(Locale.ROOT, "%.1f µs CPU (%.1f µs wall, %,d runs)", cpuMicros, wallMicros, runs);
        }
    }

    /** Warm-up, then as many runs as fit in the measuring time; CPU time of this thread per run. */
    private static Figures measure(Supplier<Object> work) {
        Object sink = null;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < warmUpEnd) {
            sink = work.get();
        }
        long runs = 0;
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long wallStart = System.nanoTime();
        while (System.nanoTime() - wallStart < MEASURE_NANOS || runs < 3) {
            sink = work.get();
            runs++;
        }
        long wall = System.nanoTime() - wallStart;
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        assertThat(sink).isNotNull();
        return new Figures(cpu / 1000.0 / runs, wall / 1000.0 / runs, runs);
    }
}
