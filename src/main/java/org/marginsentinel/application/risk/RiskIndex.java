package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Every user's open positions in memory, so a price tick reads no database rows. Isolated positions live per
 * symbol in {@link IsolatedBook}s, where a tick touches only those whose quiet band the mark left; cross pools
 * live in {@link CrossPools} and are screened in primitives. Only what the screen flags (a level change, a
 * clear recovery, a CRITICAL or liquidated subject, a value on a threshold) is rebuilt as exact positions and
 * confirmed with decimals.
 *
 * <p>Writes and scans must be serialised by the owner (the {@link RiskMonitor} does: its tick and reload are
 * synchronized); {@link #userIds()} and {@link #positionCount()} may be read from any thread.
 */
final class RiskIndex {

    /** The level (a {@link org.marginsentinel.domain.alert.RiskLevel} ordinal) each subject is held at. */
    interface HeldLevels {
        byte ofPosition(long positionId);

        byte ofPool(long userId);
    }

    static final HeldLevels NOTHING_HELD = new HeldLevels() {
        @Override
        public byte ofPosition(long positionId) {
            return 0;
        }

        @Override
        public byte ofPool(long userId) {
            return 0;
        }
    };

    private final ConcurrentHashMap<Long, UserBook> users = new ConcurrentHashMap<>();
    private final SymbolTable symbols = new SymbolTable();
    private final Map<RiskThresholds, ScreenLevels> screenLevels = new HashMap<>();
    private final TierTable tiers;
    private final MarginCalculator calculator;
    private IsolatedBook[] isolated = new IsolatedBook[0];
    private TierCurve[] curves = new TierCurve[0];
    private final CrossPools pools = new CrossPools();
    /** Tier curves for solving liquidation prices, filled from any thread (see {@link #liquidationPrices}). */
    private final Map<String, TierCurve> liquidationCurves = new ConcurrentHashMap<>();
    /** Open positions per symbol id, to name the symbols held. */
    private int[] openBySymbol = new int[0];
    private volatile int positions;

    RiskIndex(TierTable tiers, MarginCalculator calculator) {
        this.tiers = tiers;
        this.calculator = calculator;
    }

    SymbolTable symbols() {
        return symbols;
    }

    /** Indexes a user's open positions, replacing what was indexed for the user before. */
    void put(long userId, BigDecimal walletBalance, List<StoredPosition> open, RiskThresholds thresholds,
             HeldLevels held) {
        put(userId, walletBalance, open, thresholds, held, liquidationPrices(open));
    }

    /**
     * The exact liquidation price of each isolated position in {@code open} (NaN where no price liquidates it,
     * and for cross positions), in the list's order. The costly part of indexing a position; reads nothing of
     * the index, so any thread may compute it for a later {@link #put}.
     */
    double[] liquidationPrices(List<StoredPosition> open) {
        double[] prices = new double[open.size()];
        for (int i = 0; i < prices.length; i++) {
            Position position = open.get(i).position();
            prices[i] = position.isIsolated() ? liquidationPrice(position) : Double.NaN;
        }
        return prices;
    }

    /**
     * Solved in doubles where that is clear-cut (the screen only needs a double, and the exact engine confirms
     * whatever the screen flags), else exactly: a tenth of the cost of loading a position.
     */
    private double liquidationPrice(Position position) {
        TierCurve curve = liquidationCurves.computeIfAbsent(position.symbol(), s -> new TierCurve(tiers.scheduleFor(s)));
        double price = curve.isolatedLiquidation(position.side() == Side.LONG, position.quantity().doubleValue(),
                position.entryPrice().doubleValue(), position.isolatedMargin().doubleValue());
        return Double.isNaN(price) ? calculator.isolatedLiquidationPrice(position)
                .map(BigDecimal::doubleValue).orElse(Double.NaN) : price;
    }

    /** {@link #put} with the liquidation prices already solved by {@link #liquidationPrices}. */
    void put(long userId, BigDecimal walletBalance, List<StoredPosition> open, RiskThresholds thresholds,
             HeldLevels held, double[] liquidationPrices) {
        remove(userId);
        if (open.isEmpty()) {
            return;
        }
        ScreenLevels levels = screenLevels.computeIfAbsent(thresholds, ScreenLevels::new);
        int isolatedCount = (int) open.stream().filter(p -> p.position().isIsolated()).count();
        UserBook book = new UserBook(userId, walletBalance, levels, isolatedCount);
        BigDecimal isolatedMargins = BigDecimal.ZERO;
        List<StoredPosition> cross = new ArrayList<>(open.size() - isolatedCount);
        int i = 0;
        for (int p = 0; p < open.size(); p++) {
            StoredPosition stored = open.get(p);
            Position position = stored.position();
            int symbol = symbols.idOf(position.symbol());
            ensureSymbol(symbol);
            openBySymbol[symbol]++;
            if (position.isIsolated()) {
                int slot = isolated[symbol].add(book, stored.id(), stored.number(), position, liquidationPrices[p],
                        held.ofPosition(stored.id()));
                book.isolated[i++] = UserBook.isolatedRef(symbol, slot);
                isolatedMargins = isolatedMargins.add(position.isolatedMargin());
            } else {
                cross.add(stored);
            }
        }
        if (!cross.isEmpty()) {
            double crossWallet = walletBalance.subtract(isolatedMargins).doubleValue();
            book.crossPool = pools.add(book, cross, crossWallet, held.ofPool(userId), symbols);
        }
        users.put(userId, book);
        positions += open.size();
    }

    void remove(long userId) {
        UserBook book = users.remove(userId);
        if (book == null) {
            return;
        }
        for (long ref : book.isolated) {
            isolated[UserBook.symbolOf(ref)].remove(UserBook.slotOf(ref));
            openBySymbol[UserBook.symbolOf(ref)]--;
        }
        int removed = book.isolated.length;
        if (book.hasCross()) {
            pools.legSymbols(book.crossPool, symbol -> openBySymbol[symbol]--);
            removed += pools.positions(book.crossPool);
            pools.remove(book.crossPool);
        }
        positions -= removed;
    }

    void clear() {
        for (Long userId : List.copyOf(users.keySet())) {
            remove(userId);
        }
    }

    /**
     * Forgets the tier curves solved for these symbols, so that the next books indexed use the tiers as they are
     * now. Books already indexed keep their solved prices until they are indexed again.
     */
    void forgetCurves(Set<String> changedSymbols) {
        liquidationCurves.keySet().removeAll(changedSymbols);
        for (int symbol = 0; symbol < curves.length; symbol++) {
            if (curves[symbol] != null && changedSymbols.contains(symbols.name(symbol))) {
                curves[symbol] = new TierCurve(tiers.scheduleFor(symbols.name(symbol)));
            }
        }
    }

    UserBook book(long userId) {
        return users.get(userId);
    }

    /** Users with open positions; safe to read from any thread. */
    Collection<Long> userIds() {
        return users.keySet();
    }

    int positionCount() {
        return positions;
    }

    /** Every symbol held in an open position. */
    Set<String> heldSymbols() {
        Set<String> names = new HashSet<>();
        for (int symbol = 0; symbol < openBySymbol.length; symbol++) {
            if (openBySymbol[symbol] > 0) {
                names.add(symbols.name(symbol));
            }
        }
        return names;
    }

    /** Marks by symbol id; NaN where a symbol has no fresh mark. */
    double[] markArray(Map<String, MarkPrice> marks) {
        marks.keySet().forEach(symbols::idOf);
        double[] array = new double[symbols.size()];
        Arrays.fill(array, Double.NaN);
        for (MarkPrice mark : marks.values()) {
            array[symbols.idOf(mark.symbol())] = mark.price().doubleValue();
        }
        return array;
    }

    /** Screens every subject at these marks and hands each flagged one to {@code candidates}. */
    void scan(double[] marks, Consumer<Candidate> candidates) {
        IsolatedBook[] books = isolated;
        for (int symbol = 0; symbol < books.length; symbol++) {
            IsolatedBook book = books[symbol];
            if (book != null) {
                int s = symbol;
                book.scan(symbol < marks.length ? marks[symbol] : Double.NaN,
                        slot -> candidates.accept(new Candidate(s, slot)));
            }
        }
        pools.scan(marks, curves, pool -> candidates.accept(Candidate.pool(pool)));
    }

    List<Candidate> scan(double[] marks) {
        List<Candidate> found = new ArrayList<>();
        scan(marks, found::add);
        return found;
    }

    // --- what a candidate points at -----------------------------------------------------------

    /** False once the subject left the index (closed, liquidated, rebuilt) since it was flagged. */
    boolean isLive(Candidate candidate) {
        return candidate.isCrossPool() ? pools.isLive(candidate.slot())
                : isolated[candidate.symbol()].isLive(candidate.slot());
    }

    UserBook owner(Candidate candidate) {
        return candidate.isCrossPool() ? pools.owner(candidate.slot())
                : isolated[candidate.symbol()].owner(candidate.slot());
    }

    byte level(Candidate candidate) {
        return candidate.isCrossPool() ? pools.level(candidate.slot())
                : isolated[candidate.symbol()].level(candidate.slot());
    }

    void setLevel(Candidate candidate, byte level) {
        if (candidate.isCrossPool()) {
            pools.setLevel(candidate.slot(), level);
        } else {
            isolated[candidate.symbol()].setLevel(candidate.slot(), level);
        }
    }

    /** The level the screen measures for a candidate (no hysteresis), to take the worst first. */
    byte screenedLevel(Candidate candidate, double[] marks) {
        if (candidate.isCrossPool()) {
            double ratio = pools.ratio(candidate.slot(), marks, curves);
            return Double.isNaN(ratio) ? 0 : (byte) Math.max(owner(candidate).levels.crossLevelOf(ratio),
                    pools.distanceLevel(candidate.slot(), marks, curves));
        }
        IsolatedBook book = isolated[candidate.symbol()];
        int slot = candidate.slot();
        double mark = marks[candidate.symbol()];
        double liquidation = book.liquidation(slot);
        if (Double.isNaN(liquidation)) {
            return 0;
        }
        double distance = book.isLong(slot) ? (mark - liquidation) / mark : (liquidation - mark) / mark;
        return book.owner(slot).levels.isolatedLevelOf(distance, book.warningDistance(slot));
    }

    // --- the odds trigger's WARNING distance ----------------------------------------------------

    /** The distance to liquidation, from a symbol's volatility, at which a position of that side should warn. */
    interface OddsDistance {
        /** NaN: no distance known (no volatility yet); the user's WARNING distance applies. */
        double of(String symbol, Side side);
    }

    /** Sets every isolated position of {@code book} to warn at {@code distance} where that is further out. */
    void setOddsWarnings(UserBook book, OddsDistance distance) {
        for (long ref : book.isolated) {
            int symbol = UserBook.symbolOf(ref);
            int slot = UserBook.slotOf(ref);
            IsolatedBook positions = isolated[symbol];
            positions.setOddsWarning(slot, distance.of(symbols.name(symbol),
                    positions.isLong(slot) ? Side.LONG : Side.SHORT));
        }
    }

    /** Sets the book's cross legs' shares of the pool's joint adverse move (by symbol name). */
    void setPoolShares(UserBook book, java.util.function.ToDoubleFunction<String> shareOf) {
        if (book.hasCross()) {
            pools.setShares(book.crossPool, symbols, shareOf);
        }
    }

    /** The cross positions of a book, exactly; empty without a pool. */
    List<IndexedPosition> crossPositionsOf(UserBook book) {
        return book.hasCross() ? pools.positions(book.crossPool, symbols) : List.of();
    }

    boolean warnsFromOdds(Candidate candidate) {
        return !candidate.isCrossPool() && isolated[candidate.symbol()].warnsFromOdds(candidate.slot());
    }

    /** The distance to liquidation at which an isolated candidate enters WARNING. */
    double warningDistance(Candidate candidate) {
        return isolated[candidate.symbol()].warningDistance(candidate.slot());
    }

    IndexedPosition isolatedPosition(Candidate candidate) {
        return isolated[candidate.symbol()].position(candidate.slot());
    }

    /** Every open position of the user, rebuilt exactly: isolated ones first, then the cross pool's. */
    List<IndexedPosition> positionsOf(UserBook book) {
        List<IndexedPosition> all = new ArrayList<>();
        for (long ref : book.isolated) {
            all.add(isolated[UserBook.symbolOf(ref)].position(UserBook.slotOf(ref)));
        }
        if (book.hasCross()) {
            all.addAll(pools.positions(book.crossPool, symbols));
        }
        return all;
    }

    // --- cross pools, for the drain check -------------------------------------------------------

    /** Slots of all cross pools, then look each up with the methods below. */
    int poolSlots() {
        return pools.slots();
    }

    boolean isLivePool(int pool) {
        return pools.isLive(pool);
    }

    UserBook poolOwner(int pool) {
        return pools.owner(pool);
    }

    double crossRatio(int pool, double[] marks) {
        return pools.ratio(pool, marks, curves);
    }

    /** The user's pool's margin balance at these marks; NaN without a pool or with a mark missing. */
    double poolMarginBalance(long userId, double[] marks) {
        UserBook book = users.get(userId);
        if (book == null || !book.hasCross() || Double.isNaN(pools.ratio(book.crossPool, marks, curves))) {
            return Double.NaN;
        }
        return pools.marginBalance(book.crossPool, marks);
    }

    double crossMarginBalance(int pool, double[] marks) {
        return pools.marginBalance(pool, marks);
    }

    double crossMaintenance(int pool, double[] marks) {
        return pools.maintenance(pool, marks, curves);
    }

    List<IndexedPosition> crossPositions(int pool) {
        return pools.positions(pool, symbols);
    }

    private void ensureSymbol(int symbol) {
        if (symbol >= isolated.length) {
            int size = Math.max(symbol + 1, isolated.length * 2);
            isolated = Arrays.copyOf(isolated, size);
            curves = Arrays.copyOf(curves, size);
            openBySymbol = Arrays.copyOf(openBySymbol, size);
        }
        if (isolated[symbol] == null) {
            String name = symbols.name(symbol);
            isolated[symbol] = new IsolatedBook(name);
            curves[symbol] = new TierCurve(tiers.scheduleFor(name));
        }
    }
}
