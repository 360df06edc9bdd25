package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jol.info.GraphLayout;

/**
 * The per-tick screen of {@link RiskIndex} over a million open positions (200 symbols; 100,000 cross
 * accounts with 3 cross positions each, 175,000 users with 4 isolated positions each), next to a bare
 * loop over flat primitive arrays doing the same arithmetic for every position, measured in the same run.
 *
 * <p>With {@code oddsTriggerPercent} above 0, that share of the isolated users has an odds trigger: their
 * positions warn from a wider distance, kept in the isolated books' bands (no cost per tick expected).
 *
 * <p>Decimals are built at the scale the database returns them ({@code NUMERIC(38, 18)}), so the index's
 * heap is what a loaded production index costs. Before measuring, every position is settled at the level
 * the base prices give it (what the monitor records after its first tick); the measured ticks then move
 * every symbol by up to ±3%.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx8g")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RiskTickBenchmark {

    @Param({"1000000"})
    public int positions;

    /**
     * Share of the isolated users (in %) with an odds trigger: each of their positions warns from a distance
     * further out than the 10% WARNING distance (10–40%, by symbol and side, as volatilities would give).
     */
    @Param({"0", "25"})
    public int oddsTriggerPercent;

    static final int SYMBOLS = 200;
    static final int CROSS_ACCOUNTS_PER_MILLION = 100_000;
    private static final int DB_SCALE = 18;

    private RiskIndex index;
    private double[][] markTicks;
    private double[] crashMarks;
    private int tick;

    // the bare loop's flat arrays
    private int[] isoSymbol;
    private boolean[] isoLong;
    private double[] isoLiquidation;
    private int[] crossStart;
    private int[] crossSymbol;
    private double[] crossSigned;
    private double[] crossQuantity;
    private double[] crossEntry;
    private double[] crossWallet;
    private TierCurve[] crossCurve;

    @Setup(Level.Trial)
    public void build() {
        Random random = new Random(42);
        TierTable tiers = TierTable.shippedDefaults();
        MarginCalculator calculator = new MarginCalculator(tiers);
        String[] symbols = new String[SYMBOLS];
        double[] base = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            symbols[s] = s == 0 ? "BTCUSDT" : s == 1 ? "ETHUSDT" : "S" + s + "USDT";
            base[s] = Math.pow(10, -2 + random.nextDouble() * 6.5);
        }
        int crossAccounts = (int) ((long) positions * CROSS_ACCOUNTS_PER_MILLION / 1_000_000);
        int isolatedUsers = (positions - crossAccounts * 3) / 4;
        Flat flat = new Flat(isolatedUsers * 4, crossAccounts * 3, crossAccounts);
        Random oddsRandom = new Random(7); // its own generator: the book stays the one of earlier runs
        java.util.Map<String, Double> oddsDistance = new java.util.HashMap<>();
        for (int s = 0; s < SYMBOLS; s++) {
            oddsDistance.put(symbols[s], 0.10 + 0.30 * oddsRandom.nextDouble());
        }

        System.gc();
        long before = usedHeap();
        index = new RiskIndex(tiers, calculator);
        for (int s = 0; s < SYMBOLS; s++) {
            index.symbols().idOf(symbols[s]);
        }
        long positionId = 1;
        long userId = 1;
        for (int a = 0; a < crossAccounts; a++, userId++) {
            List<StoredPosition> held = new ArrayList<>(3);
            for (int p = 0; p < 3; p++) {
                int s = random.nextInt(SYMBOLS);
                held.add(stored(positionId++, userId, p + 1, symbols[s], base[s], MarginMode.CROSS, random));
            }
            BigDecimal wallet = BigDecimal.valueOf(2000 + random.nextInt(50_000)).setScale(DB_SCALE);
            index.put(userId, wallet, held, RiskThresholds.DEFAULTS, RiskIndex.NOTHING_HELD);
            flat.addPool(wallet.doubleValue(), held, index);
        }
        for (int u = 0; u < isolatedUsers; u++, userId++) {
            List<StoredPosition> held = new ArrayList<>(4);
            for (int p = 0; p < 4; p++) {
                int s = random.nextInt(SYMBOLS);
                StoredPosition position = stored(positionId++, userId, p + 1, symbols[s], base[s], MarginMode.ISOLATED,
                        random);
                held.add(position);
                flat.addIsolated(position.position(), calculator, index);
            }
            BigDecimal wallet = BigDecimal.valueOf(100_000).setScale(DB_SCALE);
            index.put(userId, wallet, held, RiskThresholds.DEFAULTS, RiskIndex.NOTHING_HELD);
            if (oddsRandom.nextInt(100) < oddsTriggerPercent) {
                index.setOddsWarnings(index.book(userId), (symbol, side) -> oddsDistance.get(symbol)
                        * (side == Side.LONG ? 1 : 1.1));
            }
        }
        System.gc();
        long after = usedHeap();
        System.setProperty("jol.magicFieldOffset", "true"); // JOL reads record fields (RiskThresholds) this way
        long graph = GraphLayout.parseInstance(index).totalSize();
        if (Boolean.getBoolean("bench.footprint")) {
            System.out.println(GraphLayout.parseInstance(index).toFootprint());
        }
        System.out.printf("%n[memory] index of %,d positions of %,d users: object graph (JOL) %,d bytes = %.0f bytes"
                        + " per position; heap growth after GC %,d bytes = %.0f bytes per position%n",
                index.positionCount(), index.userIds().size(), graph, graph / (double) index.positionCount(),
                after - before, (after - before) / (double) index.positionCount());

        double[] baseMarks = new double[index.symbols().size()];
        for (int s = 0; s < SYMBOLS; s++) {
            baseMarks[index.symbols().idOf(symbols[s])] = base[s];
        }
        int settled = 0;
        for (Candidate candidate : index.scan(baseMarks)) {
            index.setLevel(candidate, index.screenedLevel(candidate, baseMarks));
            settled++;
        }
        markTicks = new double[8][];
        for (int t = 0; t < markTicks.length; t++) {
            double[] marks = new double[index.symbols().size()];
            for (int s = 0; s < SYMBOLS; s++) {
                marks[index.symbols().idOf(symbols[s])] = base[s] * (0.97 + 0.06 * random.nextDouble());
            }
            markTicks[t] = marks;
        }
        crashMarks = new double[index.symbols().size()];
        for (int s = 0; s < SYMBOLS; s++) {
            crashMarks[index.symbols().idOf(symbols[s])] = base[s] * 0.8;
        }
        System.out.printf("[flagged] settling at base prices: %,d; per tick at ±3%%: %,d on average;"
                        + " after a 20%% crash of every symbol: %,d%n", settled, averageFlagged(), index.scan(crashMarks).size());
        flat.install(this);
    }

    private long averageFlagged() {
        long total = 0;
        for (double[] marks : markTicks) {
            total += index.scan(marks).size();
        }
        return total / markTicks.length;
    }

    private static StoredPosition stored(long id, long userId, int number, String symbol, double base, MarginMode mode,
                                         Random random) {
        BigDecimal entry = BigDecimal.valueOf(base * (0.95 + 0.1 * random.nextDouble())).setScale(8, RoundingMode.HALF_EVEN);
        BigDecimal notional = BigDecimal.valueOf(50 + random.nextInt(20_000));
        BigDecimal quantity = notional.divide(entry, 8, RoundingMode.HALF_EVEN).max(new BigDecimal("0.00000001"));
        Position position = new Position(String.valueOf(id), symbol, random.nextBoolean() ? Side.LONG : Side.SHORT,
                quantity.setScale(DB_SCALE), entry.setScale(DB_SCALE), 1 + random.nextInt(50), mode, null);
        if (position.isIsolated()) {
            position = position.withIsolatedMargin(position.isolatedMargin().setScale(DB_SCALE, RoundingMode.HALF_EVEN));
        }
        return new StoredPosition(id, userId, number, position, Instant.EPOCH);
    }

    /** The bare loop's arrays, filled while the index is built (outside the index's heap measurement). */
    private static final class Flat {
        final int[] isoSymbol;
        final boolean[] isoLong;
        final double[] isoLiquidation;
        final int[] crossStart;
        final int[] crossSymbol;
        final double[] crossSigned;
        final double[] crossQuantity;
        final double[] crossEntry;
        final double[] crossWallet;
        final TierCurve[] crossCurve;
        final java.util.Map<String, TierCurve> curves = new java.util.HashMap<>();
        int iso;
        int leg;
        int pool;

        Flat(int isolated, int cross, int pools) {
            isoSymbol = new int[isolated];
            isoLong = new boolean[isolated];
            isoLiquidation = new double[isolated];
            crossStart = new int[pools + 1];
            crossSymbol = new int[cross];
            crossSigned = new double[cross];
            crossQuantity = new double[cross];
            crossEntry = new double[cross];
            crossWallet = new double[pools];
            crossCurve = new TierCurve[cross];
        }

        void addIsolated(Position position, MarginCalculator calculator, RiskIndex index) {
            isoSymbol[iso] = index.symbols().idOf(position.symbol());
            isoLong[iso] = position.side() == Side.LONG;
            isoLiquidation[iso] = calculator.isolatedLiquidationPrice(position).map(BigDecimal::doubleValue)
                    .orElse(Double.NaN);
            iso++;
        }

        void addPool(double wallet, List<StoredPosition> held, RiskIndex index) {
            crossStart[pool] = leg;
            crossWallet[pool] = wallet;
            for (StoredPosition stored : held) {
                Position position = stored.position();
                crossSymbol[leg] = index.symbols().idOf(position.symbol());
                crossQuantity[leg] = position.quantity().doubleValue();
                crossSigned[leg] = position.side().sign() * crossQuantity[leg];
                crossEntry[leg] = position.entryPrice().doubleValue();
                crossCurve[leg] = curves.computeIfAbsent(position.symbol(),
                        s -> new TierCurve(TierTable.shippedDefaults().scheduleFor(s)));
                leg++;
            }
            pool++;
            crossStart[pool] = leg;
        }

        void install(RiskTickBenchmark benchmark) {
            benchmark.isoSymbol = isoSymbol;
            benchmark.isoLong = isoLong;
            benchmark.isoLiquidation = isoLiquidation;
            benchmark.crossStart = crossStart;
            benchmark.crossSymbol = crossSymbol;
            benchmark.crossSigned = crossSigned;
            benchmark.crossQuantity = crossQuantity;
            benchmark.crossEntry = crossEntry;
            benchmark.crossWallet = crossWallet;
            benchmark.crossCurve = crossCurve;
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private double[] nextMarks() {
        tick = (tick + 1) % markTicks.length;
        return markTicks[tick];
    }

    /** What a price tick costs: screen every position, hand flagged ones on. */
    @Benchmark
    public void screenEveryPosition(Blackhole blackhole) {
        index.scan(nextMarks(), blackhole::consume);
    }

    /** The worst tick: every symbol 20% down at once, a large share of all positions flagged. */
    @Benchmark
    public void screenCrashTick(Blackhole blackhole) {
        index.scan(crashMarks, blackhole::consume);
    }

    /** The floor: the same distance and margin-ratio arithmetic over flat primitive arrays, every position. */
    @Benchmark
    public void bareLoopSameArithmetic(Blackhole blackhole) {
        double[] marks = nextMarks();
        int flagged = 0;
        for (int i = 0; i < isoSymbol.length; i++) {
            double mark = marks[isoSymbol[i]];
            double liquidation = isoLiquidation[i];
            double distance = isoLong[i] ? (mark - liquidation) / mark : (liquidation - mark) / mark;
            if (distance <= 0.10) {
                flagged++;
            }
        }
        for (int a = 0; a < crossWallet.length; a++) {
            double pnl = 0;
            double maintenance = 0;
            for (int c = crossStart[a]; c < crossStart[a + 1]; c++) {
                double mark = marks[crossSymbol[c]];
                pnl += crossSigned[c] * (mark - crossEntry[c]);
                maintenance += crossCurve[c].maintenanceMargin(crossQuantity[c] * mark);
            }
            if (maintenance / (crossWallet[a] + pnl) >= 0.5) {
                flagged++;
            }
        }
        blackhole.consume(flagged);
    }
}
