package org.marginsentinel.application.insight;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.marginsentinel.domain.alert.IsolatedMarginAdvice;
import org.marginsentinel.domain.alert.MarginAdvice;
import org.marginsentinel.domain.insight.CrossSurvivalAdvice;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.LiquidationOdds;
import org.marginsentinel.domain.insight.SurvivalAdvice;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;

/**
 * Margin advice aimed at the move that has a 5% chance within 24 hours: for /risk and for warnings. Needs the
 * volatilities it is given and never fetches any itself, so the risk tick can use it with cached ones.
 */
@ApplicationScoped
public class SurvivalPlanner {

    /** A short's adverse move e^(a) − 1 can pass 100% in a wild market; the margin advice needs a target under it. */
    private static final double LARGEST_TARGET = 0.95;

    private final MarginAdvice advice;
    private final SurvivalAdvice survival;

    @Inject
    public SurvivalPlanner(MarginCalculator calculator, MarginAdvice advice) {
        this.advice = advice;
        this.survival = new SurvivalAdvice(calculator);
    }

    /** The adverse move with a 5% chance within 24 hours for a position in {@code position}'s direction. */
    public static BigDecimal likelyMove(Position position, DailyVolatility volatility) {
        double move = LiquidationOdds.adverseMoveWithProbability(position.side(), volatility,
                LiquidationOdds.ADVICE_PROBABILITY, LiquidationOdds.DEFAULT_HORIZON);
        return BigDecimal.valueOf(Math.min(LARGEST_TARGET, move));
    }

    /** Margin to add to an isolated position so it survives that move; empty when it already does. */
    public Optional<SurvivalPlan> isolated(Position position, BigDecimal mark, DailyVolatility volatility) {
        BigDecimal move = likelyMove(position, volatility);
        if (move.signum() <= 0) {
            return Optional.empty();
        }
        IsolatedMarginAdvice help = advice.marginToAdd(position, mark, move);
        if (!help.needed()) {
            return Optional.empty();
        }
        return Optional.of(SurvivalPlan.isolated(move, help.marginToAdd(), help.liquidationPriceAfter()));
    }

    /**
     * Deposit or share to close so the cross pool survives every symbol's likely move at once; empty when it
     * already does, or when a symbol's volatility is unknown (no advice beats advice on half the pool).
     */
    public Optional<SurvivalPlan> pool(BigDecimal crossWallet, List<PricedPosition> crossPositions,
                                       Function<String, Optional<DailyVolatility>> volatilities) {
        if (crossPositions.isEmpty()) {
            return Optional.empty();
        }
        Map<String, BigDecimal> moves = new HashMap<>();
        for (PricedPosition priced : crossPositions) {
            Optional<DailyVolatility> volatility = volatilities.apply(priced.position().symbol());
            if (volatility.isEmpty()) {
                return Optional.empty();
            }
            moves.put(priced.position().symbol(), likelyMove(priced.position(), volatility.get()));
        }
        CrossSurvivalAdvice help = survival.cross(crossWallet, crossPositions, moves);
        return help.needed() ? Optional.of(SurvivalPlan.pool(help.depositNeeded(), help.fractionToClose()))
                : Optional.empty();
    }
}
