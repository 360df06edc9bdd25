package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.marginsentinel.domain.alert.AlertEvaluation;
import org.marginsentinel.domain.alert.AlertPolicy;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginAllowance;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * The judging half of a tick, without I/O: screens the index for what may have changed level (no database row
 * read), orders it worst first, and judges each flagged subject with the exact engine and the alert policy into a
 * {@link TickDecision}. Changes nothing; whoever carries the decisions out updates memory after they committed.
 */
final class RiskTick {

    private final RiskIndex index;
    private final WatchMemory memory;
    private final MarginCalculator calculator;
    private final NoticeComposer composer;
    private final PoolDistances distances;
    private final AlertPolicy policy = new AlertPolicy();

    RiskTick(RiskIndex index, WatchMemory memory, MarginCalculator calculator, NoticeComposer composer,
             PoolDistances distances) {
        this.index = index;
        this.memory = memory;
        this.calculator = calculator;
        this.composer = composer;
        this.distances = distances;
    }

    /** The subjects the screen flags at these marks, by the level it measured, worst first (stable within one). */
    List<Candidate> screen(double[] marks) {
        List<Candidate> candidates = index.scan(marks);
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

    /** The exact verdict on one flagged subject (still live in the index) at these marks. */
    TickDecision judge(Candidate candidate, Map<String, BigDecimal> marks, Instant now) {
        return candidate.isCrossPool() ? judgePool(candidate, marks, now) : judgeIsolated(candidate, marks, now);
    }

    private TickDecision judgeIsolated(Candidate candidate, Map<String, BigDecimal> marks, Instant now) {
        UserBook book = index.owner(candidate);
        IndexedPosition indexed = index.isolatedPosition(candidate);
        Position position = indexed.position();
        BigDecimal mark = marks.get(position.symbol());
        if (mark == null) {
            return new TickDecision.Skip();
        }
        PositionRisk risk = calculator.isolated(position, mark);
        String subject = WatchMemory.positionSubject(indexed.id());
        if (risk.liquidatedAtMark()) {
            return new TickDecision.LiquidateIsolated(subject, book.userId, indexed.id(), mark, risk);
        }
        AlertState previous = memory.state(subject);
        AlertPreferences userPrefs = memory.preferences(book.userId);
        // The odds trigger moves this position's WARNING distance out; the policy judges with that distance.
        boolean warnsFromOdds = index.warnsFromOdds(candidate);
        AlertPreferences prefs = warnsFromOdds
                ? userPrefs.withThresholds(withWarning(userPrefs.thresholds(), index.warningDistance(candidate)))
                : userPrefs;
        AlertEvaluation evaluation = policy.evaluate(previous, RiskReading.of(risk), prefs, now);
        if (evaluation.decision().send()) {
            List<PricedPosition> account = pricedAccount(book, marks);
            // What the owner can add is judged at the same marks, from memory (no row read): only when it warns.
            MarginAllowance addable = account == null ? null
                    : calculator.addableMargin(calculator.account(book.walletBalance(), account).cross());
            return new TickDecision.Record(subject, book.userId, evaluation.nextState(),
                    composer.positionWarning(book.userId, indexed.number(), position, mark, risk,
                            evaluation.decision(), userPrefs.thresholds(), warnsFromOdds, addable));
        }
        return recordOrHold(subject, book.userId, previous, evaluation.nextState());
    }

    private TickDecision judgePool(Candidate candidate, Map<String, BigDecimal> marks, Instant now) {
        UserBook book = index.owner(candidate);
        List<PricedPosition> priced = pricedAccount(book, marks);
        if (priced == null) {
            return new TickDecision.Skip();
        }
        AccountRisk account = calculator.account(book.walletBalance(), priced);
        CrossAccountRisk pool = account.cross();
        String subject = WatchMemory.crossSubject(book.userId);
        if (pool.liquidated()) {
            return new TickDecision.LiquidateCross(subject, book.userId);
        }
        AlertState previous = memory.state(subject);
        AlertPreferences prefs = memory.preferences(book.userId);
        List<PricedPosition> crossOnly = priced.stream().filter(p -> !p.position().isIsolated()).toList();
        PoolDistance distance = distances.of(pool.walletBalance(), crossOnly);
        AlertEvaluation evaluation = policy.evaluate(previous, RiskReading.pool(pool.marginRatio(), distance.move()),
                prefs, now);
        if (evaluation.decision().send()) {
            return new TickDecision.Record(subject, book.userId, evaluation.nextState(),
                    composer.poolWarning(book.userId, pool, evaluation.decision(), prefs.thresholds(), crossOnly)
                            .withDistance(distance));
        }
        return recordOrHold(subject, book.userId, previous, evaluation.nextState());
    }

    /** Every position of the owner at these marks; null when a cross position has none (the pool is unknown). */
    private List<PricedPosition> pricedAccount(UserBook book, Map<String, BigDecimal> marks) {
        List<PricedPosition> priced = new ArrayList<>();
        for (IndexedPosition indexed : index.positionsOf(book)) {
            Position position = indexed.position();
            BigDecimal mark = marks.get(position.symbol());
            if (mark == null && !position.isIsolated()) {
                return null;
            }
            // An isolated position's value does not move the cross pool: its entry stands in when unpriced.
            priced.add(new PricedPosition(position, mark != null ? mark : position.entryPrice()));
        }
        return priced;
    }

    private static TickDecision recordOrHold(String subject, long userId, AlertState previous, AlertState next) {
        return next.equals(previous) ? new TickDecision.Hold((byte) next.level().ordinal())
                : new TickDecision.Record(subject, userId, next, null);
    }

    private static RiskThresholds withWarning(RiskThresholds thresholds, double warningDistance) {
        return new RiskThresholds(BigDecimal.valueOf(warningDistance), thresholds.isolatedDanger(),
                thresholds.isolatedCritical(), thresholds.crossWarning(), thresholds.crossDanger(),
                thresholds.crossCritical());
    }
}
