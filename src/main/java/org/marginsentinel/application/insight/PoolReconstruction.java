package org.marginsentinel.application.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.marginsentinel.application.port.ChartHistoryStore.MarkSample;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;
import org.marginsentinel.application.port.LedgerEntry;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * A cross pool's recent past worked out from what the bot knows, so {@code /chart pool} needs none of its own
 * samples. Exact, not estimated: it goes back only to the latest change today's positions and the ledger do not
 * explain (a close, flip, add, reduce, margin move, liquidation; the account's creation), and from there on
 * <ul>
 *   <li>the wallet at {@code t} is today's wallet minus every ledger line booked after {@code t} (cash moves, fees,
 *       funding),</li>
 *   <li>the positions at {@code t} are today's open ones opened by {@code t} (an open within the window is
 *       explained: before it the position did not exist and its fee was not paid),</li>
 *   <li>the cross wallet is that wallet minus the isolated margins of the isolated positions open at {@code t},</li>
 *   <li>margin balance and maintenance are the margin engine's at each cross symbol's latest mark by {@code t}.</li>
 * </ul>
 * A moment for which some held cross symbol has no mark yet is left out rather than guessed.
 */
public final class PoolReconstruction {

    /** An open's row and its fee are written with one instant; this allows for storage rounding. */
    static final Duration SAME_FILL = Duration.ofSeconds(1);

    /**
     * What the pool is worked out from.
     *
     * @param open                   the user's open positions now, all modes
     * @param ledger                 the user's ledger lines from the window's start on, oldest first
     * @param lastChangeAfterOpening the latest change of a position other than its opening
     */
    public record Facts(long userId, BigDecimal walletNow, Instant accountCreated, List<StoredPosition> open,
                        List<LedgerEntry> ledger, Optional<Instant> lastChangeAfterOpening) {

        public Facts {
            open = List.copyOf(open);
            ledger = List.copyOf(ledger);
        }
    }

    /**
     * @param since  the first moment reconstructed (every point from it on is); null when there is none
     * @param points oldest first, all before now
     */
    public record Past(Instant since, List<PoolSample> points) {

        public Past {
            points = List.copyOf(points);
        }

        public boolean isEmpty() {
            return points.isEmpty();
        }
    }

    private final MarginCalculator calculator;

    public PoolReconstruction(MarginCalculator calculator) {
        this.calculator = calculator;
    }

    /** The earliest moment from {@code from} on that today's positions and the ledger explain. */
    public static Instant explainedSince(Facts facts, Instant from) {
        Instant since = later(from, facts.accountCreated());
        if (facts.lastChangeAfterOpening().isPresent()) {
            since = later(since, facts.lastChangeAfterOpening().get());
        }
        for (LedgerEntry entry : facts.ledger()) {
            if (!explained(entry, facts.open())) {
                since = later(since, entry.at());
            }
        }
        return since;
    }

    /**
     * The pool at every mark time of its cross symbols from {@link #explainedSince} until (not including) {@code now}.
     *
     * @param marks each cross symbol's marks, oldest first (the bot's samples and the exchange's candles)
     */
    public Past reconstruct(Facts facts, Map<String, List<MarkSample>> marks, Instant from, Instant now) {
        Instant since = explainedSince(facts, from);
        TreeSet<Instant> times = new TreeSet<>();
        for (StoredPosition stored : facts.open()) {
            if (!stored.position().isIsolated()) {
                marks.getOrDefault(stored.position().symbol(), List.of()).stream().map(MarkSample::at)
                        .filter(at -> !at.isBefore(since) && at.isBefore(now)).forEach(times::add);
            }
        }
        List<PoolSample> points = new ArrayList<>(times.size());
        for (Instant at : times) {
            pointAt(facts, marks, at).ifPresent(points::add);
        }
        return points.isEmpty() ? new Past(null, List.of()) : new Past(since, points);
    }

    private Optional<PoolSample> pointAt(Facts facts, Map<String, List<MarkSample>> marks, Instant at) {
        BigDecimal wallet = facts.walletNow();
        for (LedgerEntry entry : facts.ledger()) {
            if (entry.at().isAfter(at)) {
                wallet = wallet.subtract(entry.amount());
            }
        }
        BigDecimal isolatedMargins = BigDecimal.ZERO;
        List<PricedPosition> cross = new ArrayList<>();
        for (StoredPosition stored : facts.open()) {
            Position position = stored.position();
            if (stored.openedAt().isAfter(at)) {
                continue;
            }
            if (position.isIsolated()) {
                isolatedMargins = isolatedMargins.add(position.isolatedMargin());
                continue;
            }
            Optional<BigDecimal> mark = markAt(marks.getOrDefault(position.symbol(), List.of()), at);
            if (mark.isEmpty()) {
                return Optional.empty();
            }
            cross.add(new PricedPosition(position, mark.get()));
        }
        // Only the margin balance and maintenance are drawn: summed as calculator.cross sums them, without solving
        // each symbol's liquidation price per point (most of a point's cost; see docs/BENCHMARKS.md, "Pool chart").
        BigDecimal marginBalance = wallet.subtract(isolatedMargins);
        BigDecimal maintenance = BigDecimal.ZERO;
        for (PricedPosition priced : cross) {
            marginBalance = marginBalance.add(priced.position().unrealizedPnl(priced.markPrice()));
            maintenance = maintenance.add(calculator.maintenanceMargin(priced.position(), priced.markPrice()));
        }
        return Optional.of(new PoolSample(facts.userId(), at, marginBalance, maintenance));
    }

    /** The latest mark at or before {@code at} (the marks are oldest first: a binary search). */
    private static Optional<BigDecimal> markAt(List<MarkSample> marks, Instant at) {
        int low = 0;
        int high = marks.size() - 1;
        BigDecimal latest = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (marks.get(middle).at().isAfter(at)) {
                high = middle - 1;
            } else {
                latest = marks.get(middle).markPrice();
                low = middle + 1;
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Whether a ledger line leaves today's positions as they are: a cash move, funding of an open cross position
     * (isolated funding changes that position's margin), or the fee of opening a position still open.
     */
    private static boolean explained(LedgerEntry entry, List<StoredPosition> open) {
        Optional<StoredPosition> position = open.stream()
                .filter(p -> entry.positionId() != null && p.id() == entry.positionId()).findFirst();
        return switch (entry.kind()) {
            case DEPOSIT, WITHDRAWAL -> true;
            case FUNDING -> position.isPresent() && !position.get().position().isIsolated();
            case FEE -> position.isPresent()
                    && Duration.between(position.get().openedAt(), entry.at()).abs().compareTo(SAME_FILL) <= 0;
            default -> false;
        };
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
