package org.marginsentinel.application.alert;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.port.AlertStore;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.application.port.Subject;
import org.marginsentinel.domain.alert.AlertPolicy;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.OddsTrigger;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * Born safe: after the user's own order the reply tells where the position or pool stands, and the watch holds it
 * at that level ({@link AlertPolicy#afterOwnOrder}), so nothing proactive repeats what the reply said seconds
 * later; only a worse level is warned. The held level is the subject's alert state, written in the order's own
 * transaction: it survives a restart, and the watch reads it again when it rebuilds the user's book after the commit.
 */
@ApplicationScoped
public class OrderStandings {

    private final AlertPolicy policy = new AlertPolicy();

    private final AlertStore alerts;
    private final Clock clock;
    private final MarginCalculator calculator;
    private final Volatilities volatilities;

    @Inject
    public OrderStandings(AlertStore alerts, Clock clock, MarginCalculator calculator, Volatilities volatilities) {
        this.alerts = alerts;
        this.clock = clock;
        this.calculator = calculator;
        this.volatilities = volatilities;
    }

    /**
     * The standing of the position an order left open (its own distance if isolated, its pool's ratio if cross),
     * now held as told. Call inside the order's transaction, after it was applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Standing afterOrder(long userId, TradeResult result) {
        if (result.position() == null) {
            throw new IllegalArgumentException("the order closed the position: nothing stands");
        }
        PositionRisk risk = result.risk();
        if (!risk.position().isIsolated()) {
            return ofPool(userId, result.after());
        }
        // The WARNING distance the watch judges it by: the user's, or further out by the user's odds trigger.
        RiskThresholds thresholds = OddsTrigger.effective(alerts.preferences(userId), risk.position().side(),
                volatilities.cached(risk.position().symbol()));
        RiskReading reading = RiskReading.of(risk);
        hold(Subject.position(result.position().id()).key(), userId, reading, thresholds);
        RiskLevel level = reading.level(thresholds);
        return new Standing(true, level, risk.distanceToLiquidation(),
                thresholds.isolatedThreshold(thresholdLevel(level)));
    }

    /**
     * The cross pool's standing after the user's own change of it (a cross order, a deposit, a withdrawal), now held
     * as told; null when the account holds no cross position.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Standing ofPool(long userId, AccountSnapshot after) {
        List<PricedPosition> cross = after.crossPricedPositions();
        if (cross.isEmpty()) {
            return null;
        }
        CrossAccountRisk pool = after.risk().cross();
        RiskThresholds thresholds = alerts.preferences(userId).thresholds();
        BigDecimal distance = PoolDistance.of(calculator, pool.walletBalance(), cross, volatilities::cached).move();
        // The watch judges a pool by the worse of its ratio and its survivable move; held by the same reading,
        // a pool opened inside its WARNING distance is not warned for it seconds later.
        RiskReading reading = RiskReading.pool(pool.marginRatio(), distance);
        hold(Subject.crossPool(userId).key(), userId, reading, thresholds);
        RiskLevel level = reading.level(thresholds);
        RiskLevel byRatio = RiskReading.of(pool).level(thresholds);
        if (distance != null && level.isWorseThan(byRatio)) {
            return Standing.poolByDistance(level, distance, thresholds.isolatedThreshold(thresholdLevel(level)));
        }
        return new Standing(false, level, pool.marginRatio(), thresholds.crossThreshold(thresholdLevel(level)));
    }

    private void hold(String subject, long userId, RiskReading reading, RiskThresholds thresholds) {
        Map<String, AlertState> stored = alerts.statesOf(userId);
        AlertState previous = stored.getOrDefault(subject, AlertState.initial());
        AlertState next = policy.afterOwnOrder(previous, reading, thresholds, clock.instant());
        if (!next.equals(previous)) {
            alerts.saveState(subject, userId, next);
        }
    }

    /** The level whose threshold the reply names: its own, WARNING for SAFE, CRITICAL past liquidation. */
    private static RiskLevel thresholdLevel(RiskLevel level) {
        return switch (level) {
            case SAFE -> RiskLevel.WARNING;
            case LIQUIDATED -> RiskLevel.CRITICAL;
            default -> level;
        };
    }
}
