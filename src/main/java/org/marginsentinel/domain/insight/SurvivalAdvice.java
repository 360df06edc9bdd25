package org.marginsentinel.domain.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;

/**
 * Advice to survive a given move (by default the move that has a 5% chance within 24 hours, see
 * {@link LiquidationOdds#adverseMoveWithProbability}). For isolated positions that is margin to add, which
 * {@link org.marginsentinel.domain.alert.MarginAdvice#marginToAdd(Position, BigDecimal, BigDecimal)} computes with
 * the move as the target distance. This class does the cross pool, where every symbol moves against its position
 * by its own move at once: the conservative reading for a pool (it assumes the moves come together).
 */
public final class SurvivalAdvice {

    private static final BigDecimal TOLERANCE = new BigDecimal("1e-12");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final MarginCalculator calculator;

    public SurvivalAdvice(MarginCalculator calculator) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
    }

    /**
     * @param crossWallet    the cross wallet
     * @param crossPositions the cross positions at their marks
     * @param adverseMoves   per symbol, the move against the position to survive, a fraction of the mark in [0, 1)
     *                       (longs fall by it, shorts rise by it); a symbol without an entry does not move
     */
    public CrossSurvivalAdvice cross(BigDecimal crossWallet, List<PricedPosition> crossPositions,
                                     Map<String, BigDecimal> adverseMoves) {
        Objects.requireNonNull(crossWallet, "crossWallet");
        Objects.requireNonNull(adverseMoves, "adverseMoves");
        BigDecimal unrealizedNow = BigDecimal.ZERO;
        List<PricedPosition> stressed = new ArrayList<>(crossPositions.size());
        for (PricedPosition priced : crossPositions) {
            Position position = priced.position();
            unrealizedNow = unrealizedNow.add(position.unrealizedPnl(priced.markPrice()));
            BigDecimal move = adverseMoves.getOrDefault(position.symbol(), BigDecimal.ZERO);
            if (move.signum() < 0 || move.compareTo(BigDecimal.ONE) >= 0) {
                throw new IllegalArgumentException("adverse move must be in [0, 1): " + move);
            }
            stressed.add(new PricedPosition(position, adverse(position.side(), priced.markPrice(), move)));
        }
        BigDecimal surplusNow = surplus(crossWallet, BigDecimal.ZERO, stressed, BigDecimal.ZERO);
        // Survival means a margin balance strictly above the maintenance margin at the stressed marks.
        if (surplusNow.signum() > 0 || stressed.isEmpty()) {
            return new CrossSurvivalAdvice(BigDecimal.ZERO, BigDecimal.ZERO);
        }
        BigDecimal deposit = surplusNow.negate();
        if (crossWallet.add(unrealizedNow).signum() <= 0) {
            return new CrossSurvivalAdvice(deposit, null);
        }
        // Closing f at the mark books f × today's PnL into the wallet and leaves (1 − f) of each position to face
        // the move; the surplus at the stressed marks grows with f (the closed part no longer loses, and smaller
        // positions owe less maintenance), and at f = 1 it is today's margin balance, positive here.
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ONE;
        while (high.subtract(low).compareTo(TOLERANCE) > 0) {
            BigDecimal middle = low.add(high).divide(TWO).setScale(20, RoundingMode.HALF_EVEN);
            if (surplus(crossWallet, unrealizedNow, stressed, middle).signum() > 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return new CrossSurvivalAdvice(deposit, high);
    }

    /** Margin balance minus maintenance at the stressed marks after closing {@code fraction} at today's marks. */
    private BigDecimal surplus(BigDecimal crossWallet, BigDecimal unrealizedNow, List<PricedPosition> stressed,
                               BigDecimal fraction) {
        BigDecimal keep = BigDecimal.ONE.subtract(fraction);
        BigDecimal surplus = crossWallet.add(unrealizedNow.multiply(fraction));
        if (keep.signum() == 0) {
            return surplus;
        }
        for (PricedPosition priced : stressed) {
            Position position = priced.position();
            Position remaining = new Position(position.id(), position.symbol(), position.side(),
                    position.quantity().multiply(keep), position.entryPrice(), position.leverage(), MarginMode.CROSS,
                    null);
            surplus = surplus.add(remaining.unrealizedPnl(priced.markPrice()))
                    .subtract(calculator.maintenanceMargin(remaining, priced.markPrice()));
        }
        return surplus;
    }

    private static BigDecimal adverse(Side side, BigDecimal mark, BigDecimal move) {
        return Decimals.max(BigDecimal.ZERO, mark.multiply(BigDecimal.ONE.subtract(side.signDecimal().multiply(move))));
    }
}
