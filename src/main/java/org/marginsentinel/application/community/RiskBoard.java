package org.marginsentinel.application.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.application.port.PracticeMarks;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.community.MemberRisk;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * A group's risk board: where each member stands now, most endangered first. Everyone is judged by the
 * default thresholds ({@link RiskThresholds#DEFAULTS}), so the board has one legend: isolated positions by
 * distance to liquidation, the cross pool by the worse of its margin ratio and its joint-move distance.
 * Practice positions ({@link PracticeMarks}) are left out of the ranking, as {@link Leaderboards} leaves them out:
 * a member is judged as if they were not held (the cross wallet unchanged), and the line only counts them.
 */
@ApplicationScoped
public class RiskBoard {

    private static final RiskThresholds THRESHOLDS = RiskThresholds.DEFAULTS;

    @Inject
    PaperAccountStore accounts;

    @Inject
    PaperTrading trading;

    @Inject
    MarginCalculator calculator;

    @Inject
    Volatilities volatilities;

    @Inject
    PracticeMarks practice;

    /**
     * One member's line.
     *
     * @param closest        the open position nearest to liquidation, or null
     * @param openPositions  how many positions the member holds
     * @param withoutMark    true if some position has no fresh mark and is valued at entry
     * @param practice       how many of the member's open positions are practice positions, not ranked
     */
    public record Row(MemberRisk risk, PositionRisk closest, int openPositions, boolean withoutMark, int practice) {

        public Row(MemberRisk risk, PositionRisk closest, int openPositions, boolean withoutMark) {
            this(risk, closest, openPositions, withoutMark, 0);
        }
    }

    /** The members with an account, most endangered first. */
    @Transactional
    public List<Row> rows(Collection<Long> memberIds) {
        List<Row> rows = new ArrayList<>();
        Set<Long> practiceIds = practice.practiceIds(memberIds);
        for (long userId : memberIds) {
            if (accounts.find(userId).isPresent()) {
                AccountSnapshot full = trading.snapshot(userId);
                AccountSnapshot ranked = withoutPractice(calculator, full, practiceIds);
                Row row = rowOf(userId, ranked, poolDistance(ranked));
                rows.add(new Row(row.risk(), row.closest(), full.positions().size(), row.withoutMark(),
                        full.positions().size() - ranked.positions().size()));
            }
        }
        rows.sort(Comparator.comparing(Row::risk, MemberRisk.MOST_ENDANGERED_FIRST));
        return rows;
    }

    /** The pool's distance with the cached volatilities (the board never waits for a fetch); null without a pool. */
    private BigDecimal poolDistance(AccountSnapshot snapshot) {
        List<PricedPosition> cross = snapshot.crossPricedPositions();
        return cross.isEmpty() ? null : PoolDistance.of(calculator, snapshot.risk().cross().walletBalance(), cross,
                volatilities::cached).move();
    }

    /**
     * The account revalued without its practice positions. Their isolated margins leave the wallet with them, so
     * the cross wallet stays as it is: a practice position's made-up profit never props up the real ones.
     */
    static AccountSnapshot withoutPractice(MarginCalculator calculator, AccountSnapshot snapshot,
                                           Set<Long> practiceIds) {
        List<StoredPosition> kept = snapshot.positions().stream().filter(p -> !practiceIds.contains(p.id())).toList();
        if (kept.size() == snapshot.positions().size()) {
            return snapshot;
        }
        BigDecimal practiceMargin = snapshot.positions().stream()
                .filter(p -> practiceIds.contains(p.id()) && p.position().isIsolated())
                .map(p -> p.position().isolatedMargin()).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<PricedPosition> priced = kept.stream()
                .map(p -> new PricedPosition(p.position(), snapshot.riskOf(p).markPrice())).toList();
        AccountRisk risk = calculator.account(snapshot.risk().walletBalance().subtract(practiceMargin), priced);
        return new AccountSnapshot(snapshot.account(), kept, risk, snapshot.symbolsWithoutMark());
    }

    static Row rowOf(long userId, AccountSnapshot snapshot) {
        return rowOf(userId, snapshot, null);
    }

    /** @param poolDistance the cross pool's joint-move distance; null when none or unknown (ratio alone) */
    static Row rowOf(long userId, AccountSnapshot snapshot, BigDecimal poolDistance) {
        PositionRisk closest = snapshot.risk().positions().stream()
                .filter(r -> r.distanceToLiquidation() != null)
                .min(Comparator.comparing(PositionRisk::distanceToLiquidation))
                .orElse(null);
        BigDecimal closestIsolated = snapshot.risk().positions().stream()
                .filter(r -> r.position().isIsolated() && r.distanceToLiquidation() != null)
                .map(PositionRisk::distanceToLiquidation).min(Comparator.naturalOrder()).orElse(null);
        boolean hasCross = snapshot.positions().stream().anyMatch(p -> !p.position().isIsolated());
        BigDecimal crossRatio = hasCross ? snapshot.risk().cross().marginRatio() : null;
        RiskLevel isolatedLevel = THRESHOLDS.forDistance(closestIsolated);
        RiskLevel crossLevel = hasCross ? RiskReading.pool(crossRatio, poolDistance).level(THRESHOLDS) : RiskLevel.SAFE;
        RiskLevel level = crossLevel.isWorseThan(isolatedLevel) ? crossLevel : isolatedLevel;
        MemberRisk risk = new MemberRisk(userId, level, closest == null ? null : closest.distanceToLiquidation(),
                crossRatio);
        return new Row(risk, closest, snapshot.positions().size(), !snapshot.symbolsWithoutMark().isEmpty());
    }
}
