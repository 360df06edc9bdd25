package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A cross pool's distance to liquidation: the smallest joint adverse move x of its marks that brings the margin
 * balance down to the maintenance margin. At move x every cross symbol moves against its own position at once,
 * by its share of the move: a long's mark falls to mark × (1 − share × x), a short's rises to
 * mark × (1 + share × x). A symbol without a share moves by x itself (share 1).
 *
 * <p>The surplus (margin balance − tiered maintenance margin) falls strictly as x grows: each leg's PnL loses
 * notional × share per unit of x while its maintenance changes by at most that × its rate (under 1). So there is
 * one root, found by bisection to within a tenth of a cent of surplus; the answer is on the surviving side.
 */
public final class SurvivableMove {

    /** No move beyond +1,000% is looked for: a pool surviving that has no meaningful distance. */
    public static final BigDecimal LARGEST_MOVE = BigDecimal.TEN;
    /** Bisection stops once the surplus at the bracket's ends differs by less than this (USDT). */
    static final BigDecimal SURPLUS_TOLERANCE = new BigDecimal("0.001");
    private static final int MAX_STEPS = 200;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /**
     * A position's maintenance margin at a mark: the engine's tiers ({@link MarginCalculator#maintenanceMargin}), or an
     * exchange's own rule (Bybit values it at the entry price, so it does not move with the mark).
     */
    @FunctionalInterface
    public interface Maintenance {
        BigDecimal at(Position position, BigDecimal mark);
    }

    private final Maintenance maintenance;

    public SurvivableMove(MarginCalculator calculator) {
        this(Objects.requireNonNull(calculator, "calculator")::maintenanceMargin);
    }

    public SurvivableMove(Maintenance maintenance) {
        this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    }

    /**
     * The pool's distance as a fraction (0.05 = a 5% joint move); zero when the pool is already at or past
     * liquidation; empty when it has no positions or survives even {@link #LARGEST_MOVE}.
     *
     * @param crossWallet    the cross wallet (account wallet minus isolated wallets)
     * @param crossPositions the pool's positions at their current marks
     * @param shares         per symbol its share of the move (positive); absent symbols move by 1 × x
     */
    public Optional<BigDecimal> distance(BigDecimal crossWallet, List<PricedPosition> crossPositions,
                                         Map<String, BigDecimal> shares) {
        Objects.requireNonNull(crossWallet, "crossWallet");
        Objects.requireNonNull(shares, "shares");
        if (crossPositions.isEmpty()) {
            return Optional.empty();
        }
        if (!alive(crossWallet, crossPositions, shares, BigDecimal.ZERO)) {
            return Optional.of(BigDecimal.ZERO);
        }
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = new BigDecimal("0.01");
        while (alive(crossWallet, crossPositions, shares, high)) {
            if (high.compareTo(LARGEST_MOVE) >= 0) {
                return Optional.empty();
            }
            low = high;
            high = Decimals.min(LARGEST_MOVE, high.multiply(TWO));
        }
        BigDecimal lowSurplus = surplusAt(crossWallet, crossPositions, shares, low);
        BigDecimal highSurplus = surplusAt(crossWallet, crossPositions, shares, high);
        for (int step = 0; step < MAX_STEPS && lowSurplus.subtract(highSurplus).compareTo(SURPLUS_TOLERANCE) > 0; step++) {
            BigDecimal middle = low.add(high).divide(TWO).setScale(24, RoundingMode.HALF_EVEN);
            BigDecimal surplus = surplusAt(crossWallet, crossPositions, shares, middle);
            if (surplus.signum() > 0) {
                low = middle;
                lowSurplus = surplus;
            } else {
                high = middle;
                highSurplus = surplus;
            }
        }
        return Optional.of(low.stripTrailingZeros());
    }

    /** Margin balance minus maintenance margin after the joint adverse move {@code move}. */
    public BigDecimal surplusAt(BigDecimal crossWallet, List<PricedPosition> crossPositions,
                                Map<String, BigDecimal> shares, BigDecimal move) {
        BigDecimal surplus = crossWallet;
        for (PricedPosition priced : crossPositions) {
            Position position = priced.position();
            BigDecimal mark = movedMark(priced, shares.getOrDefault(position.symbol(), BigDecimal.ONE), move);
            surplus = surplus.add(position.unrealizedPnl(mark)).subtract(maintenance.at(position, mark));
        }
        return surplus;
    }

    /** The mark after the move: against the position, never under zero. */
    public static BigDecimal movedMark(PricedPosition priced, BigDecimal share, BigDecimal move) {
        BigDecimal factor = BigDecimal.ONE.subtract(priced.position().side().signDecimal().multiply(share).multiply(move));
        return Decimals.max(BigDecimal.ZERO, priced.markPrice().multiply(factor));
    }

    /** The engine's rule: alive while the margin balance is above a positive maintenance margin. */
    private boolean alive(BigDecimal crossWallet, List<PricedPosition> crossPositions, Map<String, BigDecimal> shares,
                          BigDecimal move) {
        return surplusAt(crossWallet, crossPositions, shares, move).signum() > 0;
    }
}
