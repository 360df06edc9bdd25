package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/**
 * Every cross pool, as columns. A pool's margin ratio moves with every mark of its positions, so all pools are
 * screened on every tick, in primitives: each pool's positions ("legs") sit next to each other in flat arrays,
 * the pool keeps its first leg and leg count. A changed pool gets fresh legs at the end; the space of old legs
 * is reclaimed by compaction once it is half of the total.
 *
 * <p>Not thread-safe: the {@link RiskIndex} owner serialises access. A removed pool's slot is reused only after
 * the next scan started.
 */
final class CrossPools {

    private int poolCapacity = 16;
    private int poolEnd;
    private int live;
    private UserBook[] owner = new UserBook[poolCapacity];
    private ScreenLevels[] levels = new ScreenLevels[poolCapacity];
    private int[] firstLeg = new int[poolCapacity];
    private int[] legCount = new int[poolCapacity];
    private double[] crossWallet = new double[poolCapacity];
    private byte[] level = new byte[poolCapacity];
    private final SlotRecycler freePools = new SlotRecycler();

    private int legCapacity = 64;
    private int legEnd;
    private int liveLegs;
    private int[] legSymbol = new int[legCapacity];
    private double[] legSignedQuantity = new double[legCapacity];
    private double[] legEntry = new double[legCapacity];
    private long[] legPositionId = new long[legCapacity];
    private int[] legNumber = new int[legCapacity];
    private byte[] legLeverage = new byte[legCapacity];
    /** Each leg's share of the pool's joint adverse move (1 until volatilities say otherwise). */
    private double[] legShare = new double[legCapacity];
    private final DecimalColumn legQuantityExact = new DecimalColumn(legCapacity);
    private final DecimalColumn legEntryExact = new DecimalColumn(legCapacity);

    int add(UserBook holder, List<StoredPosition> crossPositions, double walletAfterIsolated, byte held,
            SymbolTable symbols) {
        if (legEnd + crossPositions.size() > legCapacity) {
            if (legEnd - liveLegs > legEnd / 2) {
                compact();
            }
            if (legEnd + crossPositions.size() > legCapacity) {
                growLegs(legEnd + crossPositions.size());
            }
        }
        int pool = freePools.reuse();
        if (pool == SlotRecycler.NONE) {
            pool = poolEnd++;
        }
        if (pool == poolCapacity) {
            growPools();
        }
        owner[pool] = holder;
        levels[pool] = holder.levels;
        firstLeg[pool] = legEnd;
        legCount[pool] = crossPositions.size();
        crossWallet[pool] = walletAfterIsolated;
        level[pool] = held;
        for (StoredPosition stored : crossPositions) {
            Position position = stored.position();
            int leg = legEnd++;
            legSymbol[leg] = symbols.idOf(position.symbol());
            legSignedQuantity[leg] = position.side().sign() * position.quantity().doubleValue();
            legEntry[leg] = position.entryPrice().doubleValue();
            legPositionId[leg] = stored.id();
            legNumber[leg] = stored.number();
            legLeverage[leg] = (byte) position.leverage();
            legShare[leg] = 1;
            legQuantityExact.set(leg, position.quantity());
            legEntryExact.set(leg, position.entryPrice());
        }
        liveLegs += crossPositions.size();
        live++;
        return pool;
    }

    void remove(int pool) {
        for (int leg = firstLeg[pool]; leg < firstLeg[pool] + legCount[pool]; leg++) {
            legQuantityExact.clear(leg);
            legEntryExact.clear(leg);
        }
        liveLegs -= legCount[pool];
        legCount[pool] = 0;
        owner[pool] = null;
        levels[pool] = null;
        freePools.release(pool);
        live--;
    }

    boolean isLive(int pool) {
        return pool < poolEnd && owner[pool] != null;
    }

    UserBook owner(int pool) {
        return owner[pool];
    }

    byte level(int pool) {
        return level[pool];
    }

    void setLevel(int pool, byte held) {
        level[pool] = held;
    }

    /** Open positions in one pool. */
    int positions(int pool) {
        return legCount[pool];
    }

    /** Pool slots in use or free: iterate [0, slots()) and skip those not {@link #isLive}. */
    int slots() {
        return poolEnd;
    }

    int pools() {
        return live;
    }

    /** Hands every pool that needs an exact look at these marks to {@code flagged}. */
    void scan(double[] marks, TierCurve[] curves, IntConsumer flagged) {
        freePools.recycleReleased();
        for (int pool = 0; pool < poolEnd; pool++) {
            ScreenLevels screen = levels[pool];
            if (screen != null && needsAttention(pool, screen, marks, curves)) {
                flagged.accept(pool);
            }
        }
    }

    /**
     * By ratio or by distance: a worse level, CRITICAL or worse, a value on a threshold, or a clear recovery of
     * both. The distance is never solved here: the surplus after the joint move of each threshold distance says
     * on which side of it the pool is (the surplus falls as the move grows), one to three sums per pool.
     */
    private boolean needsAttention(int pool, ScreenLevels screen, double[] marks, TierCurve[] curves) {
        double ratio = ratio(pool, marks, curves);
        if (Double.isNaN(ratio)) {
            return false;
        }
        byte held = level[pool];
        byte byRatio = screen.crossLevelOf(ratio);
        byte byDistance = 0;
        double tolerance = 1e-9 * (Math.abs(crossWallet[pool]) + 1);
        for (int next = 1; next <= 3; next++) {
            double surplus = surplusAfterMove(pool, marks, curves, screen.poolDistance(next));
            if (Math.abs(surplus) <= tolerance) {
                return true;
            }
            if (surplus > 0) {
                break;
            }
            byDistance = (byte) next;
        }
        byte measured = (byte) Math.max(byRatio, byDistance);
        if (measured > held || measured >= 3 || screen.nearCrossThreshold(ratio)) {
            return true;
        }
        return measured < held && Math.max(screen.releasedCross(ratio), releasedByDistance(pool, screen, marks,
                curves)) < held;
    }

    /** The level a pool has clearly left by distance is under this one (see ScreenLevels#releasedCross). */
    private byte releasedByDistance(int pool, ScreenLevels screen, double[] marks, TierCurve[] curves) {
        for (int level = 1; level <= 3; level++) {
            if (surplusAfterMove(pool, marks, curves, screen.poolDistance(level) * ScreenLevels.DISTANCE_RELEASE) >= 0) {
                return (byte) (level - 1);
            }
        }
        return 4;
    }

    /**
     * The pool's margin balance minus maintenance after a joint adverse move of {@code move}: each leg's mark moves
     * against it by its share of the move (never under zero). Every mark must be present.
     */
    double surplusAfterMove(int pool, double[] marks, TierCurve[] curves, double move) {
        double surplus = crossWallet[pool];
        int end = firstLeg[pool] + legCount[pool];
        for (int leg = firstLeg[pool]; leg < end; leg++) {
            int symbol = legSymbol[leg];
            double signed = legSignedQuantity[leg];
            double moved = Math.max(0, marks[symbol] * (1 - Math.signum(signed) * legShare[leg] * move));
            surplus += signed * (moved - legEntry[leg]) - curves[symbol].maintenanceMargin(Math.abs(signed) * moved);
        }
        return surplus;
    }

    /** The level (ordinal) the pool's distance measures at these marks, without history (every mark present). */
    byte distanceLevel(int pool, double[] marks, TierCurve[] curves) {
        ScreenLevels screen = levels[pool];
        byte byDistance = 0;
        for (int next = 1; next <= 3 && surplusAfterMove(pool, marks, curves, screen.poolDistance(next)) <= 0; next++) {
            byDistance = (byte) next;
        }
        return byDistance;
    }

    /** Sets each leg's share of the joint move from {@code shareOf} (symbol name to share). */
    void setShares(int pool, SymbolTable symbols, java.util.function.ToDoubleFunction<String> shareOf) {
        for (int leg = firstLeg[pool]; leg < firstLeg[pool] + legCount[pool]; leg++) {
            legShare[leg] = shareOf.applyAsDouble(symbols.name(legSymbol[leg]));
        }
    }

    /** The pool's margin ratio in primitives; NaN when a mark is missing, +∞ when the pool is gone. */
    double ratio(int pool, double[] marks, TierCurve[] curves) {
        double pnl = 0;
        double maintenance = 0;
        int end = firstLeg[pool] + legCount[pool];
        for (int leg = firstLeg[pool]; leg < end; leg++) {
            int symbol = legSymbol[leg];
            double mark = symbol < marks.length ? marks[symbol] : Double.NaN;
            if (!(mark > 0)) {
                return Double.NaN;
            }
            double signed = legSignedQuantity[leg];
            pnl += signed * (mark - legEntry[leg]);
            maintenance += curves[symbol].maintenanceMargin(Math.abs(signed) * mark);
        }
        double marginBalance = crossWallet[pool] + pnl;
        if (marginBalance <= 0) {
            return maintenance > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        return maintenance / marginBalance;
    }

    /** The pool's maintenance margin in primitives (every mark present). */
    double maintenance(int pool, double[] marks, TierCurve[] curves) {
        double maintenance = 0;
        for (int leg = firstLeg[pool]; leg < firstLeg[pool] + legCount[pool]; leg++) {
            int symbol = legSymbol[leg];
            maintenance += curves[symbol].maintenanceMargin(Math.abs(legSignedQuantity[leg]) * marks[symbol]);
        }
        return maintenance;
    }

    /** Hands the symbol id of each of the pool's positions to {@code symbols}. */
    void legSymbols(int pool, IntConsumer symbols) {
        for (int leg = firstLeg[pool]; leg < firstLeg[pool] + legCount[pool]; leg++) {
            symbols.accept(legSymbol[leg]);
        }
    }

    /** The pool's margin balance in primitives (every mark present). */
    double marginBalance(int pool, double[] marks) {
        double pnl = 0;
        for (int leg = firstLeg[pool]; leg < firstLeg[pool] + legCount[pool]; leg++) {
            pnl += legSignedQuantity[leg] * (marks[legSymbol[leg]] - legEntry[leg]);
        }
        return crossWallet[pool] + pnl;
    }

    List<IndexedPosition> positions(int pool, SymbolTable symbols) {
        List<IndexedPosition> positions = new ArrayList<>(legCount[pool]);
        for (int leg = firstLeg[pool]; leg < firstLeg[pool] + legCount[pool]; leg++) {
            Side side = legSignedQuantity[leg] > 0 ? Side.LONG : Side.SHORT;
            Position position = new Position(String.valueOf(legPositionId[leg]), symbols.name(legSymbol[leg]), side,
                    legQuantityExact.get(leg), legEntryExact.get(leg), legLeverage[leg], MarginMode.CROSS, null);
            positions.add(new IndexedPosition(legPositionId[leg], legNumber[leg], position));
        }
        return positions;
    }

    /** Moves every live pool's legs to the front, keeping their order; pool slots stay as they are. */
    private void compact() {
        long[] byFirstLeg = new long[live];
        int n = 0;
        for (int pool = 0; pool < poolEnd; pool++) {
            if (owner[pool] != null) {
                byFirstLeg[n++] = (long) firstLeg[pool] << 32 | pool;
            }
        }
        Arrays.sort(byFirstLeg, 0, n);
        int to = 0;
        for (int i = 0; i < n; i++) {
            int pool = (int) byFirstLeg[i];
            int from = firstLeg[pool];
            firstLeg[pool] = to;
            for (int k = 0; k < legCount[pool]; k++, to++) {
                int leg = from + k;
                if (leg != to) { // to < leg: legs only move towards the front, never over a live one
                    legSymbol[to] = legSymbol[leg];
                    legSignedQuantity[to] = legSignedQuantity[leg];
                    legEntry[to] = legEntry[leg];
                    legPositionId[to] = legPositionId[leg];
                    legNumber[to] = legNumber[leg];
                    legLeverage[to] = legLeverage[leg];
                    legShare[to] = legShare[leg];
                    legQuantityExact.move(leg, to);
                    legEntryExact.move(leg, to);
                }
            }
        }
        legEnd = to;
    }


    private void growPools() {
        poolCapacity = poolCapacity + (poolCapacity >> 1) + 1;
        owner = Arrays.copyOf(owner, poolCapacity);
        levels = Arrays.copyOf(levels, poolCapacity);
        firstLeg = Arrays.copyOf(firstLeg, poolCapacity);
        legCount = Arrays.copyOf(legCount, poolCapacity);
        crossWallet = Arrays.copyOf(crossWallet, poolCapacity);
        level = Arrays.copyOf(level, poolCapacity);
    }

    private void growLegs(int needed) {
        legCapacity = Math.max(needed, legCapacity + (legCapacity >> 1) + 1);
        legSymbol = Arrays.copyOf(legSymbol, legCapacity);
        legSignedQuantity = Arrays.copyOf(legSignedQuantity, legCapacity);
        legEntry = Arrays.copyOf(legEntry, legCapacity);
        legPositionId = Arrays.copyOf(legPositionId, legCapacity);
        legNumber = Arrays.copyOf(legNumber, legCapacity);
        legLeverage = Arrays.copyOf(legLeverage, legCapacity);
        legShare = Arrays.copyOf(legShare, legCapacity);
        legQuantityExact.grow(legCapacity);
        legEntryExact.grow(legCapacity);
    }
}
