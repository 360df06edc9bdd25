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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
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
        index = new RiskIndex(tiers);
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
        states.putAll(alerts.allStates());
        preferences.putAll(alerts.allPreferences());
        Map<Long, List<StoredPosition>> byUser = new LinkedHashMap<>();
        for (StoredPosition position : accounts.allOpenPositions()) {
            byUser.computeIfAbsent(position.userId(), u -> new ArrayList<>()).add(position);
        }
        for (PaperAccount account : accounts.accounts(byUser.keySet())) {
            index.put(book(account, byUser.get(account.userId())));
        }
        loaded = true;
        LOG.info(() -> "Risk index loaded: " + index.positionCount() + " open positions of " + index.books().size()
                + " users");
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
        accounts.find(userId).ifPresent(account -> index.put(book(account, positions)));
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
        delivery.broadcast(index.books().stream().map(b -> new Notice.FeedPaused(b.userId, silent)).toList());
    }

    void onFeedResumed(@Observes PriceFeedResumed resumed) {
        delivery.broadcast(index.books().stream().map(b -> new Notice.FeedResumed(b.userId)).toList());
    }

    /** One evaluation of every open position at these (fresh) marks. Ticks never overlap. */
    public synchronized TickReport tick(Map<String, MarkPrice> marks, Instant now) {
        if (!loaded) {
            loadAll();
        }
        long volatilityVersion = volatilities.version();
        if (volatilityVersion != seenVolatilityVersion) {
            seenVolatilityVersion = volatilityVersion;
            index.books().forEach(this::applyOddsTrigger);
        }
        long start = System.nanoTime();
        double[] markArray = index.markArray(marks);
        List<Candidate> candidates = index.scan(markArray);
        long screenNanos = System.nanoTime() - start;
        Map<String, BigDecimal> exactMarks = new HashMap<>();
        marks.forEach((symbol, mark) -> exactMarks.put(symbol, mark.price()));

        int warnings = 0;
        int liquidated = 0;
        for (Candidate candidate : candidates) {
            Outcome outcome;
            try {
                outcome = candidate.isCrossPool() ? evaluatePool(candidate.book(), exactMarks, now)
                        : evaluateIsolated(candidate.book(), candidate.isolatedSlot(), exactMarks, now);
            } catch (RuntimeException e) {
                // One broken subject must not silence everyone else's warnings.
                LOG.log(Level.SEVERE, "Risk evaluation failed for user " + candidate.book().userId, e);
                continue;
            }
            warnings += outcome == Outcome.WARNED ? 1 : 0;
            liquidated += outcome == Outcome.LIQUIDATED ? 1 : 0;
        }
        warnings += checkDrains(markArray, exactMarks, now);
        return new TickReport(index.positionCount(), candidates.size(), warnings, liquidated, screenNanos);
    }

    private enum Outcome { NOTHING, WARNED, LIQUIDATED }

    private Outcome evaluateIsolated(UserBook book, int slot, Map<String, BigDecimal> marks, Instant now) {
        StoredPosition stored = book.positions.get(book.isolatedIndex[slot]);
        Position position = stored.position();
        BigDecimal mark = marks.get(position.symbol());
        if (mark == null) {
            return Outcome.NOTHING;
        }
        PositionRisk risk = calculator.isolated(position, mark);
        String subject = positionSubject(stored.id());
        if (risk.liquidatedAtMark()) {
            boolean done = liquidations.liquidateIsolated(book.userId, stored.id(), mark).isPresent();
            delivery.forget(subject);
            states.remove(subject);
            return done ? Outcome.LIQUIDATED : Outcome.NOTHING;
        }
        AlertState previous = states.getOrDefault(subject, AlertState.initial());
        AlertPreferences userPrefs = preferences.getOrDefault(book.userId, AlertPreferences.DEFAULTS);
        // The odds trigger moves this position's WARNING distance out; the policy judges with that distance.
        AlertPreferences prefs = book.warnsFromOdds(slot)
                ? userPrefs.withThresholds(withWarning(userPrefs.thresholds(), book.isolatedWarning[slot]))
                : userPrefs;
        AlertEvaluation evaluation = policy.evaluate(previous, RiskReading.of(risk), prefs, now);
        book.isolatedLevel[slot] = (byte) evaluation.nextState().level().ordinal();
        return record(subject, book.userId, previous, evaluation, () -> {
            IsolatedMarginAdvice help = advice.marginToAdd(position, mark, userPrefs.thresholds());
            boolean useful = help.needed() && help.liquidationAfter().isPresent();
            Optional<DailyVolatility> volatility = volatilities.cached(position.symbol());
            BigDecimal odds = volatility.flatMap(v -> LiquidationOdds.estimate(position.side(), mark,
                    risk.liquidationPrice(), v, LiquidationOdds.DEFAULT_HORIZON))
                    .map(o -> BigDecimal.valueOf(o.probability())).orElse(null);
            boolean oddsTriggered = book.warnsFromOdds(slot)
                    && userPrefs.thresholds().forDistance(risk.distanceToLiquidation()) == RiskLevel.SAFE;
            SurvivalPlan survival = volatility.flatMap(v -> planner.isolated(position, mark, v)).orElse(null);
            return new Notice.PositionWarning(book.userId, stored.number(), risk, evaluation.decision(),
                    useful ? help.marginToAdd() : null, useful ? help.liquidationPriceAfter() : null, odds,
                    oddsTriggered, survival);
        });
    }

    private Outcome evaluatePool(UserBook book, Map<String, BigDecimal> marks, Instant now) {
        List<PricedPosition> priced = new ArrayList<>();
        for (StoredPosition stored : book.positions) {
            BigDecimal mark = marks.get(stored.position().symbol());
            if (mark == null && !stored.position().isIsolated()) {
                return Outcome.NOTHING;
            }
            priced.add(new PricedPosition(stored.position(), mark != null ? mark : stored.position().entryPrice()));
        }
        AccountRisk account = calculator.account(book.walletBalance, priced);
        CrossAccountRisk pool = account.cross();
        String subject = crossSubject(book.userId);
        if (pool.liquidated()) {
            boolean done = liquidations.liquidateCross(book.userId, marks).isPresent();
            delivery.forget(subject);
            states.remove(subject);
            return done ? Outcome.LIQUIDATED : Outcome.NOTHING;
        }
        AlertState previous = states.getOrDefault(subject, AlertState.initial());
        AlertPreferences prefs = preferences.getOrDefault(book.userId, AlertPreferences.DEFAULTS);
        AlertEvaluation evaluation = policy.evaluate(previous, RiskReading.of(pool), prefs, now);
        book.crossLevel = (byte) evaluation.nextState().level().ordinal();
        List<PricedPosition> crossOnly = priced.stream().filter(p -> !p.position().isIsolated()).toList();
        return record(subject, book.userId, previous, evaluation, () -> {
            CrossMarginAdvice help = advice.crossRelief(pool.walletBalance(), crossOnly, prefs.thresholds());
            SurvivalPlan survival = planner.pool(pool.walletBalance(), crossOnly, volatilities::cached).orElse(null);
            return new Notice.PoolWarning(book.userId, pool, evaluation.decision(),
                    help.needed() ? help.closeFraction().orElse(null) : null,
                    help.needed() ? help.depositNeeded() : null, help.targetMarginRatio(), survival);
        });
    }

    private Outcome record(String subject, long userId, AlertState previous, AlertEvaluation evaluation,
                           java.util.function.Supplier<Notice> notice) {
        AlertState next = evaluation.nextState();
        if (evaluation.decision().send()) {
            delivery.deliver(subject, userId, next, notice.get());
            states.put(subject, next);
            return Outcome.WARNED;
        }
        if (!next.equals(previous)) {
            delivery.deliver(subject, userId, next, null);
            states.put(subject, next);
        }
        return Outcome.NOTHING;
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
        for (UserBook book : index.books()) {
            if (!book.hasCross()) {
                continue;
            }
            double ratio = book.screenCrossRatio(markArray);
            if (Double.isNaN(ratio)) {
                continue;
            }
            double marginBalance = book.crossMarginBalance(markArray);
            if (samplePools) {
                poolSamples.add(new PoolSample(book.userId, now, BigDecimal.valueOf(marginBalance),
                        BigDecimal.valueOf(book.crossMaintenance(markArray))));
            }
            double maintenance = Double.isInfinite(ratio) ? 0 : ratio * marginBalance;
            List<PricedPosition> crossPositions = new ArrayList<>();
            for (StoredPosition stored : book.positions) {
                BigDecimal mark = marks.get(stored.position().symbol());
                if (!stored.position().isIsolated() && mark != null) {
                    crossPositions.add(new PricedPosition(stored.position(), mark));
                }
            }
            DrainReport drain = drains.observe(book.userId, now, BigDecimal.valueOf(marginBalance),
                    BigDecimal.valueOf(maintenance), crossPositions);
            if (drain.alert()) {
                delivery.broadcast(List.of(new Notice.DrainWarning(book.userId, drain.dropFraction(),
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

    private UserBook book(PaperAccount account, List<StoredPosition> positions) {
        AlertPreferences prefs = preferences.getOrDefault(account.userId(), AlertPreferences.DEFAULTS);
        UserBook book = new UserBook(account.userId(), account.walletBalance(), positions, prefs.thresholds(),
                calculator, tiers, index.symbols(), index::curveFor);
        for (int i = 0; i < book.isolatedIndex.length; i++) {
            AlertState state = states.get(positionSubject(positions.get(book.isolatedIndex[i]).id()));
            book.isolatedLevel[i] = (byte) (state == null ? 0 : state.level().ordinal());
        }
        AlertState pool = states.get(crossSubject(account.userId()));
        book.crossLevel = (byte) (pool == null ? 0 : pool.level().ordinal());
        applyOddsTrigger(book);
        return book;
    }

    /**
     * With an odds trigger of p, an isolated position enters WARNING where its odds of liquidation within 24 hours
     * reach p: at the distance of the move that has probability p (from the symbol's cached volatility), when
     * that is further out than the user's WARNING distance. Cheap: once per book when it is built and when the
     * volatilities change, never per tick.
     */
    private void applyOddsTrigger(UserBook book) {
        AlertPreferences prefs = preferences.getOrDefault(book.userId, AlertPreferences.DEFAULTS);
        for (int slot = 0; slot < book.isolatedIndex.length; slot++) {
            double distance = Double.NaN;
            if (prefs.oddsThreshold() != null) {
                Position position = book.positions.get(book.isolatedIndex[slot]).position();
                double probability = prefs.oddsThreshold().doubleValue();
                distance = volatilities.cached(position.symbol())
                        .map(v -> LiquidationOdds.adverseMoveWithProbability(position.side(), v, probability,
                                LiquidationOdds.DEFAULT_HORIZON))
                        .orElse(Double.NaN);
            }
            book.warnFromOdds(slot, distance);
        }
    }

    private static RiskThresholds withWarning(RiskThresholds thresholds, double warningDistance) {
        return new RiskThresholds(BigDecimal.valueOf(warningDistance), thresholds.isolatedDanger(),
                thresholds.isolatedCritical(), thresholds.crossWarning(), thresholds.crossDanger(),
                thresholds.crossCritical());
    }

    /** Every symbol held in an open position, from memory. */
    public Set<String> heldSymbols() {
        Set<String> symbols = new HashSet<>();
        for (UserBook book : index.books()) {
            for (StoredPosition stored : book.positions) {
                symbols.add(stored.position().symbol());
            }
        }
        return symbols;
    }

    /** For tests and the benchmark: how many positions the index holds. */
    public int watchedPositions() {
        return index.positionCount();
    }

    /** How many users have at least one open position (each has a book in the index). */
    public int watchedUsers() {
        return index.books().size();
    }

    RiskLevel heldLevel(String subject) {
        AlertState state = states.get(subject);
        return state == null ? RiskLevel.SAFE : state.level();
    }
}
