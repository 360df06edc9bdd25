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
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The per-tick screen of {@link RiskIndex} over a million open positions (200 symbols; 100,000 cross
 * accounts with 3 cross positions each, 175,000 users with 4 isolated positions each), next to a bare
 * loop over flat primitive arrays doing the same arithmetic, measured in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RiskTickBenchmark {

    @Param({"1000000"})
    public int positions;

    static final int SYMBOLS = 200;
    static final int CROSS_ACCOUNTS_PER_MILLION = 100_000;

    private RiskIndex index;
    private double[][] markTicks;
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
        index = new RiskIndex(tiers);
        String[] symbols = new String[SYMBOLS];
        double[] base = new double[SYMBOLS];
        for (int s = 0; s < SYMBOLS; s++) {
            symbols[s] = s == 0 ? "BTCUSDT" : s == 1 ? "ETHUSDT" : "S" + s + "USDT";
            base[s] = Math.pow(10, -2 + random.nextDouble() * 6.5);
            index.symbols().idOf(symbols[s]);
        }
        int crossAccounts = (int) ((long) positions * CROSS_ACCOUNTS_PER_MILLION / 1_000_000);
        int isolatedUsers = (positions - crossAccounts * 3) / 4;
        System.gc();
        long before = usedHeap();
        long positionId = 1;
        long userId = 1;
        List<Double> wallets = new ArrayList<>();
        List<int[]> crossSyms = new ArrayList<>();
        List<double[]> crossNums = new ArrayList<>();
        List<TierCurve[]> crossCurves = new ArrayList<>();
        for (int a = 0; a < crossAccounts; a++, userId++) {
            List<StoredPosition> held = new ArrayList<>(3);
            for (int p = 0; p < 3; p++) {
                int s = random.nextInt(SYMBOLS);
                held.add(stored(positionId++, userId, p + 1, symbols[s], base[s], MarginMode.CROSS, random));
            }
            BigDecimal wallet = BigDecimal.valueOf(2000 + random.nextInt(50_000));
            index.put(new UserBook(userId, wallet, held, RiskThresholds.DEFAULTS, calculator, tiers, index.symbols(),
                    index::curveFor));
        }
        for (int u = 0; u < isolatedUsers; u++, userId++) {
            List<StoredPosition> held = new ArrayList<>(4);
            for (int p = 0; p < 4; p++) {
                int s = random.nextInt(SYMBOLS);
                held.add(stored(positionId++, userId, p + 1, symbols[s], base[s], MarginMode.ISOLATED, random));
            }
            BigDecimal wallet = BigDecimal.valueOf(100_000);
            index.put(new UserBook(userId, wallet, held, RiskThresholds.DEFAULTS, calculator, tiers, index.symbols(),
                    index::curveFor));
        }
        System.gc();
        long after = usedHeap();
        System.out.printf("%n[memory] index of %,d positions in %,d books: %,d bytes of heap, %.0f bytes per position%n",
                index.positionCount(), index.books().size(), after - before,
                (after - before) / (double) index.positionCount());
        markTicks = new double[8][];
        for (int t = 0; t < markTicks.length; t++) {
            double[] marks = new double[index.symbols().size()];
            for (int s = 0; s < SYMBOLS; s++) {
                marks[index.symbols().idOf(symbols[s])] = base[s] * (0.97 + 0.06 * random.nextDouble());
            }
            markTicks[t] = marks;
        }
        flatten();
    }

    private static StoredPosition stored(long id, long userId, int number, String symbol, double base, MarginMode mode,
                                         Random random) {
        BigDecimal entry = BigDecimal.valueOf(base * (0.95 + 0.1 * random.nextDouble())).setScale(8, RoundingMode.HALF_EVEN);
        BigDecimal notional = BigDecimal.valueOf(50 + random.nextInt(20_000));
        BigDecimal quantity = notional.divide(entry, 8, RoundingMode.HALF_EVEN).max(new BigDecimal("0.00000001"));
        Position position = new Position(String.valueOf(id), symbol, random.nextBoolean() ? Side.LONG : Side.SHORT,
                quantity, entry, 1 + random.nextInt(50), mode, null);
        return new StoredPosition(id, userId, number, position, Instant.EPOCH);
    }

    private void flatten() {
        List<UserBook> books = new ArrayList<>(index.books());
        int iso = books.stream().mapToInt(b -> b.isolatedSymbol.length).sum();
        int cross = books.stream().mapToInt(b -> b.crossSymbol.length).sum();
        int accounts = (int) books.stream().filter(UserBook::hasCross).count();
        isoSymbol = new int[iso];
        isoLong = new boolean[iso];
        isoLiquidation = new double[iso];
        crossStart = new int[accounts + 1];
        crossSymbol = new int[cross];
        crossSigned = new double[cross];
        crossQuantity = new double[cross];
        crossEntry = new double[cross];
        crossCurve = new TierCurve[cross];
        crossWallet = new double[accounts];
        int i = 0;
        int c = 0;
        int a = 0;
        for (UserBook book : books) {
            for (int k = 0; k < book.isolatedSymbol.length; k++, i++) {
                isoSymbol[i] = book.isolatedSymbol[k];
                isoLong[i] = book.isolatedLong[k];
                isoLiquidation[i] = book.isolatedLiquidation[k];
            }
            if (book.hasCross()) {
                crossStart[a] = c;
                crossWallet[a] = book.crossWallet;
                for (int k = 0; k < book.crossSymbol.length; k++, c++) {
                    crossSymbol[c] = book.crossSymbol[k];
                    crossSigned[c] = book.crossSignedQuantity[k];
                    crossQuantity[c] = book.crossQuantity[k];
                    crossEntry[c] = book.crossEntry[k];
                    crossCurve[c] = book.crossTiers[k];
                }
                a++;
            }
        }
        crossStart[accounts] = c;
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

    /** The floor: the same distance and margin-ratio arithmetic over flat primitive arrays. */
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
