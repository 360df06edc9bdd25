package org.marginsentinel.application.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Every user's open positions in memory, so a price tick reads no database rows. The screen runs in
 * primitives over all books and flags only what needs an exact look: a level change, a clear recovery, a
 * CRITICAL or liquidated subject, or a value on a threshold.
 */
final class RiskIndex {

    private final ConcurrentHashMap<Long, UserBook> books = new ConcurrentHashMap<>();
    /** The books as an array for the tick's loop; rebuilt at most once per tick after a change. */
    private volatile UserBook[] snapshot = new UserBook[0];
    private volatile boolean changed;
    private final SymbolTable symbols = new SymbolTable();
    private final ConcurrentHashMap<String, TierCurve> curves = new ConcurrentHashMap<>();
    private final TierTable tiers;

    RiskIndex(TierTable tiers) {
        this.tiers = tiers;
    }

    SymbolTable symbols() {
        return symbols;
    }

    TierCurve curveFor(String symbol) {
        return curves.computeIfAbsent(symbol, s -> new TierCurve(tiers.scheduleFor(s)));
    }

    void put(UserBook book) {
        if (book.positions.isEmpty()) {
            books.remove(book.userId);
        } else {
            books.put(book.userId, book);
        }
        changed = true;
    }

    void clear() {
        books.clear();
        changed = true;
    }

    void remove(long userId) {
        books.remove(userId);
        changed = true;
    }

    private UserBook[] current() {
        if (changed) {
            changed = false;
            snapshot = books.values().toArray(new UserBook[0]);
        }
        return snapshot;
    }

    UserBook book(long userId) {
        return books.get(userId);
    }

    Collection<UserBook> books() {
        return books.values();
    }

    int positionCount() {
        return books.values().stream().mapToInt(b -> b.positions.size()).sum();
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

    /** Screens every book at these marks and hands each flagged subject to {@code candidates}. */
    void scan(double[] marks, Consumer<Candidate> candidates) {
        for (UserBook book : current()) {
            for (int i = 0; i < book.isolatedSymbol.length; i++) {
                int symbol = book.isolatedSymbol[i];
                if (symbol < marks.length && book.isolatedNeedsAttention(i, marks[symbol])) {
                    candidates.accept(new Candidate(book, i));
                }
            }
            if (book.hasCross() && book.crossNeedsAttention(book.screenCrossRatio(marks))) {
                candidates.accept(new Candidate(book, Candidate.CROSS_POOL));
            }
        }
    }

    List<Candidate> scan(double[] marks) {
        List<Candidate> found = new ArrayList<>();
        scan(marks, found::add);
        return found;
    }
}
