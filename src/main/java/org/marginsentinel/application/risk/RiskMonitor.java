package org.marginsentinel.application.risk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.AccountChanged;
import org.marginsentinel.application.alert.Liquidations;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.insight.ChartHistory;
import org.marginsentinel.application.insight.SurvivalPlanner;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.OpenBook;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.TiersChanged;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Watches every open position on every price tick and speaks first: warnings by level, drain warnings for cross
 * pools, paper liquidations. Orchestrates only: {@link IndexLoader} keeps the in-memory {@link RiskIndex} equal to
 * the database, {@link RiskTick} judges (no I/O), and this class carries the decisions out — warnings stored in
 * batches by {@link AlertBatch}, isolated liquidations in batches by {@link LiquidationBatch}, a pool's by
 * {@link Liquidations} in a transaction of its own — then lets
 * {@link DrainWatch} and {@link ChartSampler} take their minute. The tick reads no database rows.
 *
 * <p>Ticks never overlap (one lock for ticks and book rebuilds); the caller's thread does not matter.
 */
@ApplicationScoped
public class RiskMonitor {

    private static final Logger LOG = Logger.getLogger(RiskMonitor.class.getName());
    /** Alert states + notices stored per transaction during a tick. */
    static final int DELIVERY_BATCH = 50;
    /** Isolated liquidations carried out per transaction during a tick. */
    static final int LIQUIDATION_BATCH = 500;
    /** Screens of one tick at most (a safety bound: a round without a liquidation leaves nothing out). */
    static final int MAX_ROUNDS = 1_000;

    private final Liquidations liquidations;
    private final AlertDelivery delivery;
    private final Consumer<TickCompleted> tickCompleted;
    private final RiskIndex index;
    private final WatchMemory memory = new WatchMemory();
    private final IndexLoader loader;
    private final RiskTick judge;
    private final DrainWatch drains;
    private final ChartSampler charts;
    /**
     * Owners whose liquidation batch is committing on this thread: their books are rebuilt from what the batch wrote
     * ({@link #applyWritten}), so the commit's own change events do not read them again. Per thread: a change
     * committed by anyone else is reloaded as always.
     */
    private final ThreadLocal<Set<Long>> appliedFromWrites = ThreadLocal.withInitial(HashSet::new);
    private long lastMinute = -1;
    /** The last tick's marks: an account change is measured at them (before and after) for the drain watch. */
    private double[] lastMarks = new double[0];
    private volatile boolean loaded;

    @Inject
    public RiskMonitor(PaperAccountStore accounts, AlertStore alerts, MarginCalculator calculator, MarginAdvice advice,
                       TierTable tiers, Liquidations liquidations, AlertDelivery delivery, Volatilities volatilities,
                       SurvivalPlanner planner, ChartHistory history, Event<TickCompleted> tickCompleted) {
        this(accounts, alerts, calculator, advice, tiers, liquidations, delivery, volatilities, planner,
                ChartSampler.of(history), tickCompleted::fire);
    }

    /** The monitor without a container: plain tests give it in-memory stores and a chart sink of their own. */
    RiskMonitor(PaperAccountStore accounts, AlertStore alerts, MarginCalculator calculator, MarginAdvice advice,
                TierTable tiers, Liquidations liquidations, AlertDelivery delivery, Volatilities volatilities,
                SurvivalPlanner planner, ChartSampler charts, Consumer<TickCompleted> tickCompleted) {
        this.liquidations = liquidations;
        this.delivery = delivery;
        this.tickCompleted = tickCompleted;
        this.index = new RiskIndex(tiers, calculator);
        this.loader = new IndexLoader(accounts, alerts, volatilities, index, memory);
        PoolDistances distances = new PoolDistances(calculator, volatilities);
        this.judge = new RiskTick(index, memory, calculator, new NoticeComposer(advice, volatilities, planner),
                distances);
        this.drains = new DrainWatch(calculator, distances);
        this.charts = charts;
    }

    /** Loads every open position, account, preference and alert state: once, before the first tick. */
    @Transactional
    public synchronized void loadAll() {
        if (!loaded) {
            loader.loadAll();
            loaded = true;
        }
    }

    /**
     * Forgets everything held in memory and loads it again from the database, exactly as a process restart
     * does. Used by tests that prove a restart neither loses nor repeats a warning.
     */
    @Transactional
    public synchronized void restartFromDatabase() {
        loader.clear();
        loaded = false;
        loadAll();
    }

    /** Rebuilds a user's book after every committed change of the account's money, positions or settings. */
    void onAccountChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged changed) {
        if (!appliedFromWrites.get().contains(changed.userId())) {
            reload(changed.userId());
        }
    }

    /** New tiers change liquidation prices and maintenance margins: the index is solved again with them. */
    void onTiersChanged(@Observes TiersChanged changed) {
        tiersChanged(changed.symbols());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public synchronized void tiersChanged(Set<String> symbols) {
        if (!loaded || symbols.isEmpty()) {
            return;
        }
        loader.reloadAfterTierChange(symbols);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public synchronized void reload(long userId) {
        if (!loaded || appliedFromWrites.get().contains(userId)) {
            return;
        }
        double before = index.poolMarginBalance(userId, lastMarks);
        loader.reload(userId);
        drains.accountChanged(userId, before, index.poolMarginBalance(userId, lastMarks));
    }

    void onMarks(@Observes MarksUpdated marks) {
        long started = System.nanoTime();
        try {
            TickReport report = tick(marks.marks(), marks.at());
            tickCompleted.accept(new TickCompleted(report, Duration.ofNanos(System.nanoTime() - started)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Risk tick failed; the next tick tries again", e);
        }
    }

    /**
     * One evaluation of every open position at these (fresh) marks. The flagged subjects are judged worst first,
     * and their warnings stored in batches: in a crash the most severe warnings reach the outbox (and so Telegram)
     * first.
     */
    public synchronized TickReport tick(Map<String, MarkPrice> marks, Instant now) {
        if (!loaded) {
            loadAll();
        }
        loader.refreshOddsIfVolatilitiesChanged();
        long start = System.nanoTime();
        double[] markArray = index.markArray(marks);
        lastMarks = markArray;
        List<Candidate> candidates = judge.screen(markArray);
        long screenNanos = System.nanoTime() - start;
        Map<String, BigDecimal> exactMarks = new HashMap<>();
        marks.forEach((symbol, mark) -> exactMarks.put(symbol, mark.price()));

        int warnings = 0;
        int liquidated = 0;
        int flagged = candidates.size();
        AlertBatch batch = new AlertBatch(delivery, index, memory);
        LiquidationBatch dueLiquidations = new LiquidationBatch(liquidations, delivery, memory, appliedFromWrites.get(),
                this::applyWritten);
        // A liquidation rebuilds its owner's book, so the owner's other flagged subjects are no longer live: the
        // rebuilt books are screened again at the same marks until no flagged subject was left out (each round
        // liquidates something, so this ends), and every liquidation due at these marks is carried out now.
        for (int round = 1; ; round++) {
            boolean leftOut = false;
            for (Candidate candidate : candidates) {
                if (!index.isLive(candidate)) {
                    leftOut = true;
                    continue;
                }
                try {
                    TickDecision decision = judge.judge(candidate, exactMarks, now);
                    warnings += decision instanceof TickDecision.Record r && r.warns() ? 1 : 0;
                    liquidated += carryOut(candidate, decision, exactMarks, batch, dueLiquidations) ? 1 : 0;
                } catch (RuntimeException e) {
                    // One broken subject must not silence everyone else's warnings.
                    LOG.log(Level.SEVERE, "Risk evaluation failed for user " + index.owner(candidate).userId, e);
                    continue;
                }
                if (batch.size() >= DELIVERY_BATCH) {
                    batch.flush();
                }
                if (dueLiquidations.size() >= LIQUIDATION_BATCH) {
                    dueLiquidations.flush();
                }
            }
            batch.flush();
            dueLiquidations.flush();
            if (!leftOut || round >= MAX_ROUNDS) {
                break;
            }
            candidates = judge.screen(markArray);
            flagged += candidates.size();
        }
        warnings += everyMinute(markArray, exactMarks, now, batch);
        return new TickReport(index.positionCount(), flagged, warnings, liquidated + dueLiquidations.liquidated(),
                screenNanos);
    }

    /** Carries one decision out (isolated liquidations join {@code dueLiquidations}); true when it liquidated a pool. */
    private boolean carryOut(Candidate candidate, TickDecision decision, Map<String, BigDecimal> marks,
                             AlertBatch batch, LiquidationBatch dueLiquidations) {
        if (decision instanceof TickDecision.Record record) {
            batch.add(candidate, record);
        } else if (decision instanceof TickDecision.Hold hold) {
            index.setLevel(candidate, hold.level());
        } else if (decision instanceof TickDecision.LiquidateIsolated liquidate) {
            dueLiquidations.add(liquidate);
        } else if (decision instanceof TickDecision.LiquidateCross liquidate) {
            batch.flush();
            boolean done = liquidations.liquidateCross(liquidate.userId(), marks).isPresent();
            forget(liquidate.subject());
            return done;
        }
        return false;
    }

    /** A liquidation batch committed: the owner's book follows from what it wrote, as {@link #reload} would. */
    private void applyWritten(OpenBook book) {
        long userId = book.account().userId();
        try {
            double before = index.poolMarginBalance(userId, lastMarks);
            loader.rebuild(book);
            drains.accountChanged(userId, before, index.poolMarginBalance(userId, lastMarks));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Rebuilding the book of user " + userId + " after its liquidation failed; reading it", e);
            appliedFromWrites.get().remove(userId);
            reload(userId);
        }
    }

    private void forget(String subject) {
        delivery.forget(subject);
        memory.forget(subject);
    }

    /**
     * Once a minute (the drain window's resolution): drain warnings and chart samples, from memory. A pool warned
     * more severely in this same tick gets no drain notice: it would follow that warning with the same figures and a
     * lesser level, a second message saying less (the episode counts as told, so none follows in later minutes).
     */
    private int everyMinute(double[] markArray, Map<String, BigDecimal> marks, Instant now, AlertBatch tickWarnings) {
        drains.recordMarks(marks, now);
        long minute = now.getEpochSecond() / 60;
        if (minute == lastMinute) {
            return 0;
        }
        lastMinute = minute;
        List<Notice.DrainWarning> warnings = drains.sample(index, markArray, marks, now).stream()
                .filter(drain -> tickWarnings.poolWarned(drain.userId())
                        .map(warned -> warned.compareTo(drain.severity()) <= 0).orElse(true))
                .toList();
        for (Notice.DrainWarning warning : warnings) {
            delivery.broadcast(List.of(warning));
        }
        charts.sample(index, markArray, marks, now);
        return warnings.size();
    }

    /** Every symbol held in an open position, from memory. */
    public synchronized Set<String> heldSymbols() {
        return index.heldSymbols();
    }

    /** Users with at least one open position (each has a book in the index); a copy, safe from any thread. */
    public List<Long> watchedUserIds() {
        return List.copyOf(index.userIds());
    }

    /** For tests and the benchmark: how many positions the index holds. */
    public int watchedPositions() {
        return index.positionCount();
    }

    /** How many users have at least one open position (each has a book in the index). */
    public int watchedUsers() {
        return index.userIds().size();
    }

    /** The index itself, for tests of this package that compare it with the database. */
    RiskIndex index() {
        return index;
    }

    RiskLevel heldLevel(String subject) {
        return memory.level(subject);
    }
}
