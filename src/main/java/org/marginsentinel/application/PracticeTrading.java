package org.marginsentinel.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.application.port.DayRanges;
import org.marginsentinel.application.port.PracticeMarks;
import org.marginsentinel.application.port.PriceRange;
import org.marginsentinel.application.port.StoredPosition;

/**
 * Orders with an {@code @entry} of the trader's choosing. An entry inside the symbol's range of the last 24 hours
 * is a fill the market could have given; one outside it (or when the range is unknown) makes a <i>practice</i>
 * position: allowed for learning, marked as such, and left out of leaderboards and group rankings, so a ranking
 * cannot be bought with a price nobody traded.
 */
@ApplicationScoped
public class PracticeTrading {

    private final PaperTrading trading;
    private final DayRanges ranges;
    private final PracticeMarks marks;

    @Inject
    public PracticeTrading(PaperTrading trading, DayRanges ranges, PracticeMarks marks) {
        this.trading = trading;
        this.ranges = ranges;
        this.marks = marks;
    }

    /** What an opened order did, and why it is a practice position (null when it is not one). */
    public record Outcome(TradeResult result, PracticeReason practiceReason) {
    }

    /**
     * Why an entry makes a practice position: it lies outside {@code range}, the last 24 hours of {@code symbol};
     * or no range was available to check it ({@code range} null). Worded by the chat in the reader's language.
     */
    public record PracticeReason(String symbol, BigDecimal entry, PriceRange range) {
    }

    /** Why this order's entry makes a practice position, or empty. Asks the exchange: call outside a transaction. */
    public Optional<PracticeReason> practiceReason(OpenOrder order) {
        if (order.entryPrice() == null) {
            return Optional.empty();
        }
        Optional<PriceRange> range = ranges.last24h(order.symbol());
        if (range.isEmpty()) {
            return Optional.of(new PracticeReason(order.symbol(), order.entryPrice(), null));
        }
        if (range.get().contains(order.entryPrice())) {
            return Optional.empty();
        }
        return Optional.of(new PracticeReason(order.symbol(), order.entryPrice(), range.get()));
    }

    /**
     * Opens the order; with a reason, in the same transaction, the resulting position is marked practice, and so is
     * a position the order reduced or closed (its PnL at that entry is practice too).
     */
    @Transactional
    public Outcome open(long userId, OpenOrder order, PracticeReason practiceReason) {
        Optional<StoredPosition> existing = practiceReason == null ? Optional.empty()
                : trading.snapshot(userId).bySymbol(order.symbol());
        TradeResult result = trading.open(userId, order);
        if (practiceReason != null) {
            Set<Long> marked = new HashSet<>();
            if (result.closedQuantity().signum() > 0) {
                existing.ifPresent(closed -> marked.add(closed.id()));
            }
            if (result.position() != null) {
                marked.add(result.position().id());
            }
            Set<Long> already = marks.practiceIds(List.of(userId));
            marked.stream().filter(id -> !already.contains(id)).forEach(id -> marks.mark(userId, id));
        }
        return new Outcome(result, practiceReason);
    }

    /** The user's practice positions, open or closed. */
    @Transactional
    public Set<Long> practiceIds(long userId) {
        return marks.practiceIds(List.of(userId));
    }
}
