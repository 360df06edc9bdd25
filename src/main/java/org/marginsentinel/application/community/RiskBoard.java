package org.marginsentinel.application.community;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.port.PaperAccountStore;
import org.marginsentinel.domain.alert.RiskLevel;
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

    /**
     * One member's line.
     *
     * @param closest        the open position nearest to liquidation, or null
     * @param openPositions  how many positions the member holds
     * @param withoutMark    true if some position has no fresh mark and is valued at entry
     */
    public record Row(MemberRisk risk, PositionRisk closest, int openPositions, boolean withoutMark) {
    }

    /** The members with an account, most endangered first. */
    @Transactional
    public List<Row> rows(Collection<Long> memberIds) {
        List<Row> rows = new ArrayList<>();
        for (long userId : memberIds) {
            if (accounts.find(userId).isPresent()) {
                AccountSnapshot snapshot = trading.snapshot(userId);
                rows.add(rowOf(userId, snapshot, poolDistance(snapshot)));
            }
        }
        rows.sort(Comparator.comparing(Row::risk, MemberRisk.MOST_ENDANGERED_FIRST));
        return rows;
    }

    /** The pool's distance with the cached volatilities (the board never waits for a fetch); null without a pool. */
    private BigDecimal poolDistance(AccountSnapshot snapshot) {
        List<PricedPosition> cross = snapshot.positions().stream().filter(p -> !p.position().isIsolated())
                .map(p -> new PricedPosition(p.position(), snapshot.riskOf(p).markPrice())).toList();
        return cross.isEmpty() ? null : PoolDistance.of(calculator, snapshot.risk().cross().walletBalance(), cross,
                volatilities::cached).move();
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
