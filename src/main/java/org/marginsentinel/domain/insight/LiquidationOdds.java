package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.marginsentinel.domain.margin.Side;

/**
 * Odds of liquidation as a barrier-crossing probability.
 *
 * <p><b>Model.</b> The log of the mark price is a Brownian motion without drift: X(t) = ln S(t) = ln S₀ + σ·W(t),
 * σ the realised daily volatility, t in days. A position is liquidated the first time the mark touches its
 * liquidation price L, i.e. X touches the barrier b = ln L. With a = |ln(L / S₀)|, the reflection principle gives
 * <pre>  P(touch within T) = P(max |W| excursion towards the barrier ≥ a / σ) = 2 · N(−a / (σ√T))</pre>
 * where N is the standard normal CDF. This ignores drift (fine over hours to days), fat tails and volatility
 * clustering (both make real liquidations more likely than the model says), and treats the liquidation price
 * as fixed (exact for isolated positions; for cross positions it assumes every other mark stays put).
 *
 * <p>Inverting it gives the move that has a given probability: a = σ√T · z with z = −N⁻¹(p / 2); for p = 5% over
 * 24 h, z = 1.96, so a position whose liquidation is less than 1.96 daily σ away (in log terms) has more than
 * a 5% chance of being liquidated within a day. Pure: no state, thread-safe; doubles are fine here because
 * these are probabilities, not money.
 */
public final class LiquidationOdds {

    /** The horizon the bot quotes odds for. */
    public static final Duration DEFAULT_HORIZON = Duration.ofHours(24);

    /** Advice aims to survive the move that has this probability within {@link #DEFAULT_HORIZON}. */
    public static final double ADVICE_PROBABILITY = 0.05;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private LiquidationOdds() {
    }

    /**
     * The odds that the mark touches {@code liquidationPrice} within {@code horizon}; empty when there is no
     * liquidation price (no price liquidates the position).
     */
    public static Optional<OddsEstimate> estimate(Side side, BigDecimal markPrice, BigDecimal liquidationPrice,
                                                  DailyVolatility volatility, Duration horizon) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(markPrice, "markPrice");
        Objects.requireNonNull(volatility, "volatility");
        Objects.requireNonNull(horizon, "horizon");
        if (markPrice.signum() <= 0) {
            throw new IllegalArgumentException("markPrice must be positive: " + markPrice);
        }
        if (liquidationPrice == null || liquidationPrice.signum() <= 0) {
            return Optional.empty();
        }
        boolean reached = side == Side.LONG ? markPrice.compareTo(liquidationPrice) <= 0
                : markPrice.compareTo(liquidationPrice) >= 0;
        if (reached) {
            return Optional.of(new OddsEstimate(1, 0, horizon));
        }
        double logDistance = Math.abs(Math.log(liquidationPrice.doubleValue() / markPrice.doubleValue()));
        double volUnits = volatility.daily() == 0 ? Double.POSITIVE_INFINITY : logDistance / volatility.daily();
        return Optional.of(new OddsEstimate(touchProbability(logDistance, volatility.over(horizon)), volUnits,
                horizon));
    }

    /**
     * 2·N(−a / s): the probability that a driftless Brownian motion with standard deviation {@code sigmaOverHorizon}
     * at the horizon reaches a level {@code logDistance} away at some time before it.
     */
    public static double touchProbability(double logDistance, double sigmaOverHorizon) {
        if (Double.isNaN(logDistance) || logDistance < 0) {
            throw new IllegalArgumentException("logDistance must not be negative: " + logDistance);
        }
        if (logDistance == 0) {
            return 1;
        }
        if (sigmaOverHorizon <= 0) {
            return 0;
        }
        return Math.min(1, 2 * STANDARD_NORMAL.cumulativeProbability(-logDistance / sigmaOverHorizon));
    }

    /** The log distance that is touched with exactly {@code probability} within the horizon: σ√T · (−N⁻¹(p / 2)). */
    public static double logDistanceFor(double probability, double sigmaOverHorizon) {
        if (!(probability > 0 && probability < 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
        }
        return sigmaOverHorizon * -STANDARD_NORMAL.inverseCumulativeProbability(probability / 2);
    }

    /**
     * A log distance as a price move against a position, as a fraction of the mark: a long falls to S·e^(−a),
     * so 1 − e^(−a); a short rises to S·e^(a), so e^(a) − 1.
     */
    public static double adverseMove(Side side, double logDistance) {
        return side == Side.LONG ? -Math.expm1(-logDistance) : Math.expm1(logDistance);
    }

    /**
     * The adverse move, as a fraction of the mark, that a position in {@code side} has {@code probability} of
     * seeing within {@code horizon}: what advice aims to survive.
     */
    public static double adverseMoveWithProbability(Side side, DailyVolatility volatility, double probability,
                                                    Duration horizon) {
        return adverseMove(side, logDistanceFor(probability, volatility.over(horizon)));
    }
}
