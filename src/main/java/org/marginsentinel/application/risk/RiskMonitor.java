package org.marginsentinel.application.risk;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.marginsentinel.application.PositionsChanged;
import org.marginsentinel.application.insight.ChartHistory;
import org.marginsentinel.application.insight.SurvivalPlan;
import org.marginsentinel.application.insight.SurvivalPlanner;
import org.marginsentinel.application.alert.Liquidations;
import org.marginsentinel.application.alert.Notice;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarksUpdated;
import org.marginsentinel.application.port.PaperAccount;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PriceFeedPaused;
import org.marginsentinel.application.port.PriceFeedResumed;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.alert.AlertEvaluation;
import org.marginsentinel.domain.alert.AlertPolicy;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.DrainContributor;
import org.marginsentinel.domain.alert.DrainMonitor;
import org.marginsentinel.domain.alert.DrainReport;
import org.marginsentinel.domain.alert.DrainSettings;
import org.marginsentinel.domain.alert.MarkHistory;
import org.marginsentinel.domain.alert.CrossMarginAdvice;
import org.marginsentinel.domain.alert.IsolatedMarginAdvice;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.LiquidationOdds;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Watches every open position on every price tick and speaks first: warnings by level, drain warnings for
 * cross pools, paper liquidations. The tick reads no database rows; it screens the in-memory
 * {@link RiskIndex} and touches the database only for what changed (alert state + notice, or a liquidation),
 * each in its own transaction.
 */
@ApplicationScoped
public class RiskMonitor {

    private static final Logger LOG = Logger.getLogger(RiskMonitor.class.getName());
    /** Alert states + notices stored per transaction during a tick. */
    static final int DELIVERY_BATCH = 50;

    @Inject
    PaperAccountStore accounts;

    @Inject
    AlertStore alerts;

    @Inject
    MarginCalculator calculator;

    @Inject
    MarginAdvice advice;

    @Inject
    TierTable tiers;

    @Inject
    Liquidations liquidations;

    @Inject
    AlertDelivery delivery;

    @Inject
    Clock clock;

    @Inject
    Volatilities volatilities;

    @Inject
    SurvivalPlanner planner;

    @Inject
    ChartHistory history;

    @Inject
    Event<TickCompleted> tickCompleted;

    private final AlertPolicy policy = new AlertPolicy();
    private final Map<String, AlertState> states = new ConcurrentHashMap<>();
    private final Map<Long, AlertPreferences> preferences = new ConcurrentHashMap<>();
    private final MarkHistory markHistory = new MarkHistory();
    private final DrainMonitor<Long> drains = new DrainMonitor<>(DrainSettings.DEFAULTS, markHistory);
    private long lastDrainMinute = -1;
    private RiskIndex index;
    private volatile boolean loaded;
    private long seenVolatilityVersion = Long.MIN_VALUE;

    @PostConstruct
    void createIndex() {
        index = new RiskIndex(tiers, calculator);
    }

    static String positionSubject(long positionId) {
        return "position:" + positionId;
    }

    static String crossSubject(long userId) {
        return "cross:" + userId;
    }

    /** Loads every open position, account, preference and alert state: once, before the first tick. */
    @Transactional
    public synchronized void loadAll() {
        if (loaded) {
            return;
        }
        long started = System.nanoTime();
        states.putAll(alerts.allStates());
        preferences.putAll(alerts.allPreferences());
        try (ParallelBookLoader loader = new ParallelBookLoader(book -> index.liquidationPrices(book.positions()),
                solved -> put(solved.book().account(), solved.book().positions(), solved.liquidationPrices()))) {
            accounts.forEachOpenBook(loader);
            loader.finish();
        }
        loaded = true;
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        LOG.info(() -> "Risk index loaded: " + index.positionCount() + " open positions of " + index.userIds().size()
                + " users in " + tookMillis + " ms");
    }

    /**
     * Forgets everything held in memory and loads it again from the database, exactly as a process restart
     * does. Used by tests that prove a restart neither loses nor repeats a warning.
     */
    @Transactional
    public synchronized void restartFromDatabase() {
        states.clear();
        preferences.clear();
        index.clear();
        loaded = false;
        loadAll();
    }

    /** Rebuilds a user's book after a committed change of positions, balance or settings. */
    void onPositionsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PositionsChanged changed) {
        reload(changed.userId());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public synchronized void reload(long userId) {
        if (!loaded) {
            return;
        }
        preferences.put(userId, alerts.preferences(userId));
        // A deposit, withdrawal or trade moves the margin balance by itself: start the drain window afresh.
        drains.forget(userId);
        List<StoredPosition> positions = accounts.openPositions(userId);
        if (positions.isEmpty()) {
            index.remove(userId);
            return;
        }
        accounts.find(userId).ifPresent(account -> put(account, positions));
    }

    void onMarks(@Observes MarksUpdated marks) {
        long started = System.nanoTime();
        try {
            TickReport report = tick(marks.marks(), marks.at());
            tickCompleted.fire(new TickCompleted(report, Duration.ofNanos(System.nanoTime() - started)));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Risk tick failed; the next tick tries again", e);
        }
    }

    void onFeedPaused(@Observes PriceFeedPaused paused) {
        Duration silent = Duration.between(paused.since(), clock.instant());
        delivery.broadcast(List.copyOf(index.userIds()).stream().map(u -> new Notice.FeedPaused(u, silent)).toList());
    }

    void onFeedResumed(@Observes PriceFeedResumed resumed) {
        delivery.broadcast(List.copyOf(index.userIds()).stream().map(Notice.FeedResumed::new).toList());
    }

    /**
     * One evaluation of every open position at these (fresh) marks. Ticks never overlap. The flagged subjects
     * are confirmed worst first, and their warnings are stored in batches: in a crash the most severe warnings
     * reach the outbox (and so Telegram) first, and thousands of warnings cost a few hundred transactions.
     */
    public synchronized TickReport tick(Map<String, MarkPrice> marks, Instant now) {
        if (!loaded) {
            loadAll();
        }
        long volatilityVersion = volatilities.version();
        if (volatilityVersion != seenVolatilityVersion) {
            seenVolatilityVersion = volatilityVersion;
            preferences.forEach((userId, prefs) -> {
                UserBook book = index.book(userId);
                if (book != null && prefs.oddsThreshold() != null) {
                    applyOddsTrigger(book, prefs);
                }
            });
        }
        long start = System.nanoTime();
        double[] markArray = index.markArray(marks);
        List<Candidate> candidates = index.scan(markArray);
        long screenNanos = System.nanoTime() - start;
        Map<String, BigDecimal> exactMarks = new HashMap<>();
        marks.forEach((symbol, mark) -> exactMarks.put(symbol, mark.price()));

        int warnings = 0;
        int liquidated = 0;
        DeliveryBatch batch = new DeliveryBatch();
        for (Candidate candidate : worstFirst(candidates, markArray)) {
            if (!index.isLive(candidate)) {
                continue; // closed or rebuilt by a liquidation earlier in this tick; the next tick looks again
            }
            Outcome outcome;
            try {
                outcome = candidate.isCrossPool() ? evaluatePool(candidate, exactMarks, now, batch)
                        : evaluateIsolated(candidate, exactMarks, now, batch);
            } catch (RuntimeException e) {
                // One broken subject must not silence everyone else's warnings.
                LOG.log(Level.SEVERE, "Risk evaluation failed for user " + index.owner(candidate).userId, e);
                continue;
            }
            warnings += outcome == Outcome.WARNED ? 1 : 0;
            liquidated += outcome == Outcome.LIQUIDATED ? 1 : 0;
            if (batch.size() >= DELIVERY_BATCH) {
                batch.flush();
            }
        }
        batch.flush();
        warnings += checkDrains(markArray, exactMarks, now);
        return new TickReport(index.positionCount(), candidates.size(), warnings, liquidated, screenNanos);
    }

    /** Candidates by the level the screen measured, worst first (stable within a level). */
    private List<Candidate> worstFirst(List<Candidate> candidates, double[] marks) {
        if (candidates.size() < 2) {
            return candidates;
        }
        List<List<Candidate>> byLevel = new ArrayList<>();
        for (int level = 0; level <= RiskLevel.LIQUIDATED.ordinal(); level++) {
            byLevel.add(new ArrayList<>());
        }
        for (Candidate candidate : candidates) {
            byLevel.get(index.screenedLevel(candidate, marks)).add(candidate);
        }
        List<Candidate> ordered = new ArrayList<>(candidates.size());
        for (int level = byLevel.size() - 1; level >= 0; level--) {
            ordered.addAll(byLevel.get(level));
        }
        return ordered;
    }

    private enum Outcome { NOTHING, WARNED, LIQUIDATED }

    private Outcome evaluateIsolated(Candidate candidate, Map<String, BigDecimal> marks, Instant now,
                                     DeliveryBatch batch) {
        UserBook book = index.owner(candidate);
        IndexedPosition indexed = index.isolatedPosition(candidate);
        Position position = indexed.position();
        BigDecimal mark = marks.get(position.symbol());
        if (mark == null) {
            return Outcome.NOTHING;
        }
        PositionRisk risk = calculator.isolated(position, mark);
        String subject = positionSubject(indexed.id());
        if (risk.liquidatedAtMark()) {
            batch.flush();
            boolean done = liquidations.liquidateIsolated(book.userId, indexed.id(), mark).isPresent();
            delivery.forget(subject);
            states.remove(subject);
            return done ? Outcome.LIQUIDATED : Outcome.NOTHING;
        }
        AlertState previous = states.getOrDefault(subject, AlertState.initial());
        AlertPreferences userPrefs = preferences.getOrDefault(book.userId, AlertPreferences.DEFAULTS);
        // The odds trigger moves this position's WARNING distance out; the policy judges with that distance.
        boolean warnsFromOdds = index.warnsFromOdds(candidate);
        AlertPreferences prefs = warnsFromOdds
                ? userPrefs.withThresholds(withWarning(userPrefs.thresholds(), index.warningDistance(candidate)))
                : userPrefs;
        AlertEvaluation evaluation = policy.evaluate(previous, RiskReading.of(risk), prefs, now);
        return record(candidate, subject, book.userId, previous, evaluation, batch, () -> {
            IsolatedMarginAdvice help = advice.marginToAdd(position, mark, userPrefs.thresholds());
            boolean useful = help.needed() && help.liquidationAfter().isPresent();
            Optional<DailyVolatility> volatility = volatilities.cached(position.symbol());
            BigDecimal odds = volatility.flatMap(v -> LiquidationOdds.estimate(position.side(), mark,
                    risk.liquidationPrice(), v, LiquidationOdds.DEFAULT_HORIZON))
                    .map(o -> BigDecimal.valueOf(o.probability())).orElse(null);
            boolean oddsTriggered = warnsFromOdds
                    && userPrefs.thresholds().forDistance(risk.distanceToLiquidation()) == RiskLevel.SAFE;
            SurvivalPlan survival = volatility.flatMap(v -> planner.isolated(position, mark, v)).orElse(null);
            return new Notice.PositionWarning(book.userId, indexed.number(), risk, evaluation.decision(),
                    useful ? help.marginToAdd() : null, useful ? help.liquidationPriceAfter() : null, odds,
                    oddsTriggered, survival);
        });
    }

    private Outcome evaluatePool(Candidate candidate, Map<String, BigDecimal> marks, Instant now, DeliveryBatch batch) {
        UserBook book = index.owner(candidate);
        List<PricedPosition> priced = new ArrayList<>();
        for (IndexedPosition indexed : index.positionsOf(book)) {
            Position position = indexed.position();
            BigDecimal mark = marks.get(position.symbol());
            if (mark == null && !position.isIsolated()) {
                return Outcome.NOTHING;
            }
            priced.add(new PricedPosition(position, mark != null ? mark : position.entryPrice()));
        }
        AccountRisk account = calculator.account(book.walletBalance(), priced);
        CrossAccountRisk pool = account.cross();
        String subject = crossSubject(book.userId);
        if (pool.liquidated()) {
            batch.flush();
            boolean done = liquidations.liquidateCross(book.userId, marks).isPresent();
            delivery.forget(subject);
            states.remove(subject);
            return done ? Outcome.LIQUIDATED : Outcome.NOTHING;
        }
        AlertState previous = states.getOrDefault(subject, AlertState.initial());
        AlertPreferences prefs = preferences.getOrDefault(book.userId, AlertPreferences.DEFAULTS);
        AlertEvaluation evaluation = policy.evaluate(previous, RiskReading.of(pool), prefs, now);
        List<PricedPosition> crossOnly = priced.stream().filter(p -> !p.position().isIsolated()).toList();
        return record(candidate, subject, book.userId, previous, evaluation, batch, () -> {
            CrossMarginAdvice help = advice.crossRelief(pool.walletBalance(), crossOnly, prefs.thresholds());
            SurvivalPlan survival = planner.pool(pool.walletBalance(), crossOnly, volatilities::cached).orElse(null);
            return new Notice.PoolWarning(book.userId, pool, evaluation.decision(),
                    help.needed() ? help.closeFraction().orElse(null) : null,
                    help.needed() ? help.depositNeeded() : null, help.targetMarginRatio(), survival);
        });
    }

    private Outcome record(Candidate candidate, String subject, long userId, AlertState previous,
                           AlertEvaluation evaluation, DeliveryBatch batch, java.util.function.Supplier<Notice> notice) {
        AlertState next = evaluation.nextState();
        if (evaluation.decision().send()) {
            batch.add(candidate, new AlertDelivery.Entry(subject, userId, next, notice.get()));
            return Outcome.WARNED;
        }
        if (!next.equals(previous)) {
            batch.add(candidate, new AlertDelivery.Entry(subject, userId, next, null));
        } else {
            index.setLevel(candidate, (byte) next.level().ordinal());
        }
        return Outcome.NOTHING;
    }

    /**
     * Alert states and notices of one tick waiting to be stored together. Only after they committed does
     * memory (held states, the index's levels) follow, so a failed write is simply retried by the next tick.
     */
    private final class DeliveryBatch {
        private final List<Candidate> subjects = new ArrayList<>();
        private final List<AlertDelivery.Entry> entries = new ArrayList<>();

        void add(Candidate candidate, AlertDelivery.Entry entry) {
            subjects.add(candidate);
            entries.add(entry);
        }

        int size() {
            return entries.size();
        }

        void flush() {
            if (entries.isEmpty()) {
                return;
            }
            try {
                delivery.deliverAll(entries);
                for (int i = 0; i < entries.size(); i++) {
                    remember(subjects.get(i), entries.get(i));
                }
            } catch (RuntimeException batchFailed) {
                // One bad row must not hold back the others: store them one by one.
                for (int i = 0; i < entries.size(); i++) {
                    AlertDelivery.Entry entry = entries.get(i);
                    try {
                        delivery.deliver(entry.subject(), entry.userId(), entry.state(), entry.notice());
                        remember(subjects.get(i), entry);
                    } catch (RuntimeException e) {
                        LOG.log(Level.SEVERE, "Storing the alert for " + entry.subject() + " failed", e);
                    }
                }
            }
            subjects.clear();
            entries.clear();
        }

        private void remember(Candidate candidate, AlertDelivery.Entry entry) {
            states.put(entry.subject(), entry.state());
            if (index.isLive(candidate)) {
                index.setLevel(candidate, (byte) entry.state().level().ordinal());
            }
        }
    }

    /**
     * Samples every cross pool's margin balance once per minute (the drain window's resolution) and warns
     * once per episode when a pool lost 20% or more of its balance within the hour.
     */
    private int checkDrains(double[] markArray, Map<String, BigDecimal> marks, Instant now) {
        marks.forEach((symbol, mark) -> markHistory.record(symbol, now, mark));
        long minute = now.getEpochSecond() / 60;
        if (minute == lastDrainMinute) {
            return 0;
        }
        lastDrainMinute = minute;
        int warned = 0;
        boolean samplePools = history.poolSampleDue(now);
        List<PoolSample> poolSamples = new ArrayList<>();
        for (int pool = 0; pool < index.poolSlots(); pool++) {
            if (!index.isLivePool(pool)) {
                continue;
            }
            double ratio = index.crossRatio(pool, markArray);
            if (Double.isNaN(ratio)) {
                continue;
            }
            long userId = index.poolOwner(pool).userId;
            double marginBalance = index.crossMarginBalance(pool, markArray);
            if (samplePools) {
                poolSamples.add(new PoolSample(userId, now, BigDecimal.valueOf(marginBalance),
                        BigDecimal.valueOf(index.crossMaintenance(pool, markArray))));
            }
            double maintenance = Double.isInfinite(ratio) ? 0 : ratio * marginBalance;
            List<PricedPosition> crossPositions = new ArrayList<>();
            for (IndexedPosition indexed : index.crossPositions(pool)) {
                crossPositions.add(new PricedPosition(indexed.position(), marks.get(indexed.position().symbol())));
            }
            DrainReport drain = drains.observe(userId, now, BigDecimal.valueOf(marginBalance),
                    BigDecimal.valueOf(maintenance), crossPositions);
            if (drain.alert()) {
                delivery.broadcast(List.of(new Notice.DrainWarning(userId, drain.dropFraction(),
                        drain.lossPerHour(), drain.timeToLiquidation(), drain.marginBalance(),
                        Double.isInfinite(ratio) ? null : BigDecimal.valueOf(ratio),
                        drain.worst().map(DrainContributor::symbol).orElse(null))));
                warned++;
            }
        }
        recordChartHistory(marks, poolSamples, now);
        return warned;
    }

    /** Hands this minute's marks of held symbols and the pool samples to the chart history (written elsewhere). */
    private void recordChartHistory(Map<String, BigDecimal> marks, List<PoolSample> poolSamples, Instant now) {
        try {
            Map<String, BigDecimal> held = new HashMap<>();
            for (String symbol : heldSymbols()) {
                BigDecimal mark = marks.get(symbol);
                if (mark != null) {
                    held.put(symbol, mark);
                }
            }
            history.record(now, held, poolSamples);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not hand chart samples over; charts will miss this minute", e);
        }
    }

    private void put(PaperAccount account, List<StoredPosition> positions) {
        put(account, positions, index.liquidationPrices(positions));
    }

    private void put(PaperAccount account, List<StoredPosition> positions, double[] liquidationPrices) {
        AlertPreferences prefs = preferences.getOrDefault(account.userId(), AlertPreferences.DEFAULTS);
        index.put(account.userId(), account.walletBalance(), positions, prefs.thresholds(), heldLevels,
                liquidationPrices);
        UserBook book = index.book(account.userId());
        if (book != null && prefs.oddsThreshold() != null) {
            applyOddsTrigger(book, prefs);
        }
    }

    private final RiskIndex.HeldLevels heldLevels = new RiskIndex.HeldLevels() {
        @Override
        public byte ofPosition(long positionId) {
            return ordinal(states.get(positionSubject(positionId)));
        }

        @Override
        public byte ofPool(long userId) {
            return ordinal(states.get(crossSubject(userId)));
        }

        private byte ordinal(AlertState state) {
            return (byte) (state == null ? 0 : state.level().ordinal());
        }
    };

    /**
     * With an odds trigger of p, an isolated position enters WARNING where its odds of liquidation within 24 hours
     * reach p: at the distance of the move that has probability p (from the symbol's cached volatility), when
     * that is further out than the user's WARNING distance. The index turns that distance into the position's
     * quiet band, so the tick pays nothing for it. Runs once per book when it is built and when the volatilities
     * change, never per tick.
     */
    private void applyOddsTrigger(UserBook book, AlertPreferences prefs) {
        double probability = prefs.oddsThreshold().doubleValue();
        index.setOddsWarnings(book, (symbol, side) -> volatilities.cached(symbol)
                .map(v -> LiquidationOdds.adverseMoveWithProbability(side, v, probability,
                        LiquidationOdds.DEFAULT_HORIZON))
                .orElse(Double.NaN));
    }

    private static RiskThresholds withWarning(RiskThresholds thresholds, double warningDistance) {
        return new RiskThresholds(BigDecimal.valueOf(warningDistance), thresholds.isolatedDanger(),
                thresholds.isolatedCritical(), thresholds.crossWarning(), thresholds.crossDanger(),
                thresholds.crossCritical());
    }

    /** Every symbol held in an open position, from memory. */
    public synchronized Set<String> heldSymbols() {
        return index.heldSymbols();
    }

    /** For tests and the benchmark: how many positions the index holds. */
    public int watchedPositions() {
        return index.positionCount();
    }

    /** How many users have at least one open position (each has a book in the index). */
    public int watchedUsers() {
        return index.userIds().size();
    }

    RiskLevel heldLevel(String subject) {
        AlertState state = states.get(subject);
        return state == null ? RiskLevel.SAFE : state.level();
    }
}
