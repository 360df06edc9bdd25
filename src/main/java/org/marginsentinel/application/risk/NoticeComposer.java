package org.marginsentinel.application.risk;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.application.insight.SurvivalPlanner;
import org.marginsentinel.application.port.Volatilities;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.alert.CrossMarginAdvice;
import org.marginsentinel.domain.alert.IsolatedMarginAdvice;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.LiquidationOdds;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginAllowance;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Words nothing, decides nothing: gathers what a warning tells besides its level — the margin or deposit that helps,
 * the odds of liquidation, what survives the likely move. Uses cached volatilities only, so the tick may call it.
 */
final class NoticeComposer {

    private final MarginAdvice advice;
    private final Volatilities volatilities;
    private final SurvivalPlanner planner;

    NoticeComposer(MarginAdvice advice, Volatilities volatilities, SurvivalPlanner planner) {
        this.advice = advice;
        this.volatilities = volatilities;
        this.planner = planner;
    }

    /**
     * @param thresholds    the user's own levels (the advice aims under them)
     * @param warnsFromOdds whether the position's WARNING distance was moved out by the user's odds trigger
     * @param addable       the most margin the owner can add now; null if unknown
     */
    Notice.PositionWarning positionWarning(long userId, int number, Position position, BigDecimal mark,
                                           PositionRisk risk, AlertDecision decision, RiskThresholds thresholds,
                                           boolean warnsFromOdds, MarginAllowance addable) {
        IsolatedMarginAdvice help = advice.marginToAdd(position, mark, thresholds);
        boolean useful = help.needed() && help.liquidationAfter().isPresent();
        Optional<DailyVolatility> volatility = volatilities.cached(position.symbol());
        BigDecimal odds = volatility.flatMap(v -> LiquidationOdds.estimate(position.side(), mark,
                risk.liquidationPrice(), v, LiquidationOdds.DEFAULT_HORIZON))
                .map(o -> BigDecimal.valueOf(o.probability())).orElse(null);
        boolean oddsTriggered = warnsFromOdds && thresholds.forDistance(risk.distanceToLiquidation()) == RiskLevel.SAFE;
        SurvivalPlan survival = volatility.flatMap(v -> planner.isolated(position, mark, v)).orElse(null);
        return new Notice.PositionWarning(userId, number, risk, decision, useful ? help.marginToAdd() : null,
                useful ? help.liquidationPriceAfter() : null, odds, oddsTriggered, survival, addable);
    }

    /** @param crossPositions the pool's positions at the tick's marks */
    Notice.PoolWarning poolWarning(long userId, CrossAccountRisk pool, AlertDecision decision,
                                   RiskThresholds thresholds, List<PricedPosition> crossPositions) {
        CrossMarginAdvice help = advice.crossRelief(pool.walletBalance(), crossPositions, thresholds);
        SurvivalPlan survival = planner.pool(pool.walletBalance(), crossPositions, volatilities::cached).orElse(null);
        return new Notice.PoolWarning(userId, pool, decision, help.needed() ? help.closeFraction().orElse(null) : null,
                help.needed() ? help.depositNeeded() : null, help.targetMarginRatio(), survival);
    }
}
