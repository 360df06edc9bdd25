package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;

/**
 * Every isolated position of one symbol, as columns. An isolated position's liquidation price does not move
 * with the mark, so for the level it is held at there is a band of marks in which it needs no look at all:
 * not worse, not CRITICAL, not clearly recovered. The bands' edges are kept sorted, and a tick touches only
 * the positions whose band edge the mark has crossed: a binary search plus the flagged ones.
 *
 * <p>Edges are floats rounded inwards after narrowing the band by {@link #MARGIN} (a millionth of the
 * price), so rounding can only flag a position too many, never miss one; the exact engine decides.
 *
 * <p>A user's odds trigger can move a position's WARNING distance further out ({@link #setOddsWarning}); its
 * band then starts at that distance, so the trigger costs nothing per tick. That column is allocated only
 * once some position of the symbol needs it.
 *
 * <p>Not thread-safe: the {@link RiskIndex} owner serialises access. A removed slot is reused only after the
 * next scan started, so a candidate of a running tick never points at another position.
 */
final class IsolatedBook {

    static final double MARGIN = 1e-6;
    private static final int NEVER_LOW = Float.floatToIntBits(0f);
    private static final int NEVER_HIGH = Float.floatToIntBits(Float.POSITIVE_INFINITY);

    private final String symbol;
    private int capacity;
    private int end;      // slots in use or freed, [0, end)
    private int live;

    private UserBook[] owner;
    private long[] positionId;
    private int[] number;
    private byte[] leverage;
    private boolean[] isLong;
    private double[] liquidation; // NaN: no price liquidates it
    private byte[] level;          // held RiskLevel ordinal
    private int[] lowEdge;         // float bits: a mark at or under it needs a look
    private int[] highEdge;        // float bits: a mark at or over it needs a look
    private float[] oddsWarning;   // WARNING distance from the odds trigger, NaN: the user's; null: none yet
    private final DecimalColumn quantity;
    private final DecimalColumn entry;
    private final DecimalColumn margin;

    private final SlotRecycler slots = new SlotRecycler();

    /** (edge bits << 32 | slot), ascending; rebuilt lazily after a change. */
    private long[] byLow = new long[0];
    private long[] byHigh = new long[0];
    private int ordered;
    private boolean dirty;

    IsolatedBook(String symbol) {
        this.symbol = symbol;
        capacity = 16;
        owner = new UserBook[capacity];
        positionId = new long[capacity];
        number = new int[capacity];
        leverage = new byte[capacity];
        isLong = new boolean[capacity];
        liquidation = new double[capacity];
        level = new byte[capacity];
        lowEdge = new int[capacity];
        highEdge = new int[capacity];
        quantity = new DecimalColumn(capacity);
        entry = new DecimalColumn(capacity);
        margin = new DecimalColumn(capacity);
    }

    int add(UserBook holder, long id, int positionNumber, Position position, double liquidationPrice, byte held) {
        int slot = slots.reuse();
        if (slot == SlotRecycler.NONE) {
            slot = end++;
        }
        if (slot == capacity) {
            grow();
        }
        owner[slot] = holder;
        positionId[slot] = id;
        number[slot] = positionNumber;
        leverage[slot] = (byte) position.leverage();
        isLong[slot] = position.side() == Side.LONG;
        liquidation[slot] = liquidationPrice;
        quantity.set(slot, position.quantity());
        entry.set(slot, position.entryPrice());
        margin.set(slot, position.isolatedMargin());
        if (oddsWarning != null) {
            oddsWarning[slot] = Float.NaN;
        }
        setLevel(slot, held);
        live++;
        return slot;
    }

    void remove(int slot) {
        owner[slot] = null;
        lowEdge[slot] = NEVER_LOW;
        highEdge[slot] = NEVER_HIGH;
        quantity.clear(slot);
        entry.clear(slot);
        margin.clear(slot);
        slots.release(slot);
        live--;
        dirty = true;
    }

    boolean isLive(int slot) {
        return slot < end && owner[slot] != null;
    }

    UserBook owner(int slot) {
        return owner[slot];
    }

    byte level(int slot) {
        return level[slot];
    }

    double liquidation(int slot) {
        return liquidation[slot];
    }

    boolean isLong(int slot) {
        return isLong[slot];
    }

    int size() {
        return live;
    }

    void setLevel(int slot, byte held) {
        level[slot] = held;
        band(slot);
        dirty = true;
    }

    /**
     * Makes the position at {@code slot} enter WARNING at {@code distance} from liquidation when that is further
     * out than its owner's WARNING distance (NaN or nearer: the owner's distance again).
     */
    void setOddsWarning(int slot, double distance) {
        float wider = distance > owner[slot].levels.isoWarning ? (float) distance : Float.NaN;
        if (!(wider > owner[slot].levels.isoWarning)) {
            wider = Float.NaN; // narrowing to a float must not bring it under the owner's distance
        }
        if (oddsWarning == null) {
            if (Float.isNaN(wider)) {
                return;
            }
            oddsWarning = new float[capacity];
            Arrays.fill(oddsWarning, Float.NaN);
        }
        if (Float.compare(oddsWarning[slot], wider) != 0) {
            oddsWarning[slot] = wider;
            band(slot);
            dirty = true;
        }
    }

    /** The distance to liquidation at which the position at {@code slot} enters WARNING. */
    double warningDistance(int slot) {
        if (oddsWarning != null && !Float.isNaN(oddsWarning[slot])) {
            return oddsWarning[slot];
        }
        return owner[slot].levels.isoWarning;
    }

    /** True when the position at {@code slot} warns further out than its owner's distance, by the odds trigger. */
    boolean warnsFromOdds(int slot) {
        return oddsWarning != null && !Float.isNaN(oddsWarning[slot]);
    }

    IndexedPosition position(int slot) {
        Position position = new Position(String.valueOf(positionId[slot]), symbol, isLong[slot] ? Side.LONG : Side.SHORT,
                quantity.get(slot), entry.get(slot), leverage[slot], MarginMode.ISOLATED, margin.get(slot));
        return new IndexedPosition(positionId[slot], number[slot], position);
    }

    BigDecimal isolatedMargin(int slot) {
        return margin.get(slot);
    }

    /** Hands every slot whose band the mark is outside of to {@code flagged}; a missing mark flags nothing. */
    void scan(double mark, IntConsumer flagged) {
        slots.recycleReleased();
        if (!(mark > 0) || live == 0) {
            return;
        }
        if (dirty) {
            order();
        }
        long key = (long) Float.floatToIntBits((float) mark) << 32;
        // at or under the low edge: the suffix of byLow from the first edge >= mark
        for (int i = firstAtLeast(byLow, key); i < ordered; i++) {
            flagged.accept((int) byLow[i]);
        }
        // at or over the high edge: the prefix of byHigh up to the last edge <= mark
        int upTo = firstAtLeast(byHigh, key + (1L << 32));
        for (int i = 0; i < upTo; i++) {
            flagged.accept((int) byHigh[i]);
        }
    }

    /**
     * The band of marks in which a position held at its level needs no look, from distance thresholds:
     * long distance = 1 − L/mark (grows with the mark), short distance = L/mark − 1 (shrinks with it).
     */
    private void band(int slot) {
        double liq = liquidation[slot];
        byte held = level[slot];
        if (Double.isNaN(liq)) {
            // nothing can liquidate it: SAFE for ever, and a held warning is a recovery to confirm
            lowEdge[slot] = held == 0 ? NEVER_LOW : NEVER_HIGH;
            highEdge[slot] = NEVER_HIGH;
            return;
        }
        ScreenLevels levels = owner[slot].levels;
        double warning = warningDistance(slot);
        double worse = levels.worseAtDistance(held, warning);
        double recovered = levels.releasedFromDistance(held, warning);
        double low;
        double high;
        if (isLong[slot]) {
            low = worse < 1 ? liq / (1 - worse) : Double.POSITIVE_INFINITY;
            high = recovered < 1 ? liq / (1 - recovered) : Double.POSITIVE_INFINITY;
        } else {
            low = Double.isInfinite(recovered) ? 0 : liq / (1 + recovered);
            high = liq / (1 + worse);
        }
        low = Math.max(0, low * (1 + MARGIN));
        high = Math.max(0, high * (1 - MARGIN));
        float lowF = (float) low;
        if (lowF < low) {
            lowF = Math.nextUp(lowF);
        }
        float highF = (float) high;
        if (highF > high) {
            highF = Math.nextDown(highF);
        }
        if (!(lowF < highF)) {
            // no mark is quiet: flag on every tick, once
            lowEdge[slot] = NEVER_HIGH;
            highEdge[slot] = NEVER_HIGH;
        } else {
            lowEdge[slot] = Float.floatToIntBits(lowF);
            highEdge[slot] = Float.floatToIntBits(highF);
        }
    }

    private void order() {
        if (byLow.length < capacity) {
            byLow = new long[capacity];
            byHigh = new long[capacity];
        }
        int n = 0;
        for (int slot = 0; slot < end; slot++) {
            if (owner[slot] != null) {
                byLow[n] = (long) lowEdge[slot] << 32 | slot;
                byHigh[n] = (long) highEdge[slot] << 32 | slot;
                n++;
            }
        }
        Arrays.sort(byLow, 0, n);
        Arrays.sort(byHigh, 0, n);
        ordered = n;
        dirty = false;
    }

    private int firstAtLeast(long[] sorted, long key) {
        int lo = 0;
        int hi = ordered;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }


    private void grow() {
        capacity = capacity + (capacity >> 1) + 1;
        owner = Arrays.copyOf(owner, capacity);
        positionId = Arrays.copyOf(positionId, capacity);
        number = Arrays.copyOf(number, capacity);
        leverage = Arrays.copyOf(leverage, capacity);
        isLong = Arrays.copyOf(isLong, capacity);
        liquidation = Arrays.copyOf(liquidation, capacity);
        level = Arrays.copyOf(level, capacity);
        lowEdge = Arrays.copyOf(lowEdge, capacity);
        highEdge = Arrays.copyOf(highEdge, capacity);
        if (oddsWarning != null) {
            int before = oddsWarning.length;
            oddsWarning = Arrays.copyOf(oddsWarning, capacity);
            Arrays.fill(oddsWarning, before, capacity, Float.NaN);
        }
        quantity.grow(capacity);
        entry.grow(capacity);
        margin.grow(capacity);
    }
}
