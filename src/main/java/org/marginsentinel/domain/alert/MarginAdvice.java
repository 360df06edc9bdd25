package org.marginsentinel.domain.alert;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginChange;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.Fill;
import org.marginsentinel.domain.paper.Netting;
import org.marginsentinel.domain.paper.OneWayNetting;

/**
 * What the user can do about a warning, computed with the margin engine (tiers included, no linear shortcuts):
 * how much margin to add to an isolated position, what share of a cross pool to close or how much to deposit,
 * what would have prevented a liquidation, and how large a price move a position survives.
 * Stateless and thread-safe. Amounts are exact; round them up, never down, when showing them.
 */
public final class MarginAdvice {

    /** The default target for isolated positions is this many times the user's WARNING distance (20% by default). */
    public static final BigDecimal TARGET_DISTANCE_MULTIPLE = BigDecimal.valueOf(2);

    /**
     * After a liquidation, "what would have saved it" means: survive a further adverse move of 5% of the
     * price past the liquidation mark. For an isolated position that is a liquidation price 5% beyond the
     * mark it was liquidated at; for a cross pool, every mark moved 5% further against its position.
     */
    public static final BigDecimal RESCUE_BUFFER = new BigDecimal("0.05");

    /** Bisections stop once the bracket is this narrow; the answer is taken on the safe side of it. */
    static final BigDecimal SEARCH_TOLERANCE = new BigDecimal("1e-15");

    private static final int SEARCH_SCALE = 20;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private final MarginCalculator calculator;

    public MarginAdvice(MarginCalculator calculator) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
    }

    /**
     * Margin to add so that the liquidation price is {@link #TARGET_DISTANCE_MULTIPLE} × the user's WARNING
     * distance from the mark.
     */
    public IsolatedMarginAdvice marginToAdd(Position position, BigDecimal markPrice, RiskThresholds thresholds) {
        return marginToAdd(position, markPrice, thresholds.isolatedWarning().multiply(TARGET_DISTANCE_MULTIPLE));
    }

    /**
     * Margin to add so that the isolated position's liquidation price is {@code targetDistance} from the mark.
     *
     * <p>With the target liquidation price P* = mark·(1 − s·targetDistance), the isolated wallet W that puts
     * the liquidation exactly at P* solves W + UPNL(P*) = MM(P*), so W = MM(P*) − UPNL(P*), with the
     * maintenance tier of the notional at P*. The advice is W minus the current wallet, if positive. Equity
     * minus maintenance is monotone in the price for a single position, so P* is then its only liquidation price.
     *
     * @param targetDistance in (0, 1)
     */
    public IsolatedMarginAdvice marginToAdd(Position position, BigDecimal markPrice, BigDecimal targetDistance) {
        requireIsolated(position);
        requirePositive(markPrice, "markPrice");
        Objects.requireNonNull(targetDistance, "targetDistance");
        if (targetDistance.signum() <= 0 || targetDistance.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("targetDistance must be between 0 and 1: " + targetDistance);
        }
        BigDecimal target = adverse(position.side(), markPrice, targetDistance);
        BigDecimal toAdd = shortfallAt(position, target);
        BigDecimal before = calculator.isolatedLiquidationPrice(position).orElse(null);
        if (toAdd.signum() <= 0) {
            return new IsolatedMarginAdvice(markPrice, targetDistance, target, BigDecimal.ZERO, before, before);
        }
        MarginChange change = calculator.addMargin(position, toAdd);
        return new IsolatedMarginAdvice(markPrice, targetDistance, target, toAdd, before, change.liquidationPrice());
    }

    /**
     * What closing {@code fraction} of an isolated position at the mark would do, under the paper netting
     * rules (pro-rata margin release). It lowers the margin at risk, not the liquidation price.
     *
     * @param fraction in (0, 1)
     */
    public IsolatedPartialClose closePart(Position position, BigDecimal markPrice, BigDecimal fraction) {
        requireIsolated(position);
        requirePositive(markPrice, "markPrice");
        requireFraction(fraction);
        Fill fill = new Fill(position.symbol(), position.side().opposite(), position.quantity().multiply(fraction),
                markPrice, position.leverage(), MarginMode.ISOLATED);
        Netting netting = OneWayNetting.apply(position, fill, position.id());
        Position remaining = netting.position().position();
        return new IsolatedPartialClose(remaining, position.isolatedMargin().subtract(remaining.isolatedMargin()),
                netting.realizedPnl(), position.isolatedMargin(), remaining.isolatedMargin(),
                calculator.isolatedLiquidationPrice(position).orElse(null),
                calculator.isolatedLiquidationPrice(remaining).orElse(null));
    }

    /** Share to close, or deposit, to bring the pool's margin ratio to the user's WARNING ratio. */
    public CrossMarginAdvice crossRelief(BigDecimal crossWallet, List<PricedPosition> crossPositions,
                                        RiskThresholds thresholds) {
        return crossRelief(crossWallet, crossPositions, thresholds.crossWarning());
    }

    /**
     * Share of every cross position to close at its mark, or USDT to deposit, to bring the pool's margin
     * ratio to {@code targetMarginRatio} or under.
     *
     * <p>Deposit: the margin balance must reach MM / target, so deposit = MM / target − margin balance.
     * Closing a share f at the mark keeps the margin balance (the wallet gains f·UPNL, the open PnL loses it)
     * and leaves maintenance MM((1 − f)·q) per position, tier by tier; that ratio falls as f grows, so f is
     * found by bisection on the engine's {@link MarginCalculator#maintenanceMargin}, to within 1e-15, rounded
     * up (the returned share always reaches the target). The ratio after closing is the engine's own
     * {@link MarginCalculator#cross} valuation of the reduced pool. About a millisecond for a few symbols.
     *
     * @param targetMarginRatio in (0, 1)
     */
    public CrossMarginAdvice crossRelief(BigDecimal crossWallet, List<PricedPosition> crossPositions,
                                        BigDecimal targetMarginRatio) {
        Objects.requireNonNull(crossWallet, "crossWallet");
        Objects.requireNonNull(targetMarginRatio, "targetMarginRatio");
        if (targetMarginRatio.signum() <= 0 || targetMarginRatio.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("targetMarginRatio must be between 0 and 1: " + targetMarginRatio);
        }
        CrossAccountRisk now = calculator.cross(crossWallet, crossPositions);
        BigDecimal ratio = now.marginRatio();
        if (ratio != null && ratio.compareTo(targetMarginRatio) <= 0) {
            return new CrossMarginAdvice(targetMarginRatio, ratio, BigDecimal.ZERO, ratio, BigDecimal.ZERO);
        }
        BigDecimal deposit = Decimals.divide(now.maintenanceMargin(), targetMarginRatio).subtract(now.marginBalance());
        if (now.marginBalance().signum() <= 0) {
            return new CrossMarginAdvice(targetMarginRatio, ratio, null, null, deposit);
        }
        // Closing at the mark leaves the margin balance exactly as it is, so the search only needs the
        // maintenance margin of what remains; the engine's own cross valuation confirms the final answer.
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ONE;
        while (high.subtract(low).compareTo(SEARCH_TOLERANCE) > 0) {
            BigDecimal middle = low.add(high).divide(TWO).setScale(SEARCH_SCALE, RoundingMode.HALF_EVEN);
            BigDecimal maintenance = BigDecimal.ZERO;
            for (PricedPosition priced : reduced(crossPositions, middle)) {
                maintenance = maintenance.add(calculator.maintenanceMargin(priced.position(), priced.markPrice()));
            }
            if (Decimals.divide(maintenance, now.marginBalance()).compareTo(targetMarginRatio) <= 0) {
                high = middle;
            } else {
                low = middle;
            }
        }
        BigDecimal ratioAfter = high.compareTo(BigDecimal.ONE) >= 0 ? BigDecimal.ZERO
                : calculator.cross(walletAfterClosing(crossWallet, crossPositions, high),
                        reduced(crossPositions, high)).marginRatio();
        return new CrossMarginAdvice(targetMarginRatio, ratio, high, ratioAfter, deposit);
    }

    /**
     * The margin that would have kept an isolated position open at the mark it was liquidated at, with a
     * {@link #RESCUE_BUFFER} further move: {@link #marginToAdd} with that mark and the buffer as the distance.
     */
    public IsolatedMarginAdvice isolatedRescue(Position liquidated, BigDecimal liquidationMark) {
        return marginToAdd(liquidated, liquidationMark, RESCUE_BUFFER);
    }

    /**
     * Just the margin of {@link #isolatedRescue} (never negative), without the liquidation prices before and after
     * that the full advice solves for: a liquidation notice needs only this, thousands of times in a crash tick.
     */
    public BigDecimal isolatedRescueMargin(Position liquidated, BigDecimal liquidationMark) {
        requireIsolated(liquidated);
        requirePositive(liquidationMark, "liquidationMark");
        return Decimals.max(BigDecimal.ZERO,
                shortfallAt(liquidated, adverse(liquidated.side(), liquidationMark, RESCUE_BUFFER)));
    }

    /** Margin the isolated wallet lacks for its liquidation to sit exactly at {@code target}: MM(P*) − UPNL(P*) − W. */
    private BigDecimal shortfallAt(Position position, BigDecimal target) {
        BigDecimal walletNeeded = calculator.maintenanceMargin(position, target).subtract(position.unrealizedPnl(target));
        return walletNeeded.subtract(position.isolatedMargin());
    }

    /**
     * The deposit that would have kept a cross pool alive at its liquidation marks with a buffer: with every
     * mark moved a further {@link #RESCUE_BUFFER} against its position, the margin balance must still cover
     * the maintenance margin, so deposit = MM − margin balance at those stressed marks (zero if already covered).
     *
     * @param positionsAtLiquidation the cross positions priced at the marks of the liquidation
     */
    public BigDecimal crossRescueDeposit(BigDecimal crossWallet, List<PricedPosition> positionsAtLiquidation) {
        Objects.requireNonNull(crossWallet, "crossWallet");
        List<PricedPosition> stressed = new ArrayList<>(positionsAtLiquidation.size());
        for (PricedPosition priced : positionsAtLiquidation) {
            stressed.add(new PricedPosition(priced.position(),
                    adverse(priced.position().side(), priced.markPrice(), RESCUE_BUFFER)));
        }
        CrossAccountRisk risk = calculator.cross(crossWallet, stressed);
        return Decimals.max(BigDecimal.ZERO, risk.maintenanceMargin().subtract(risk.marginBalance()));
    }

    /**
     * The largest adverse price move, as a fraction of the mark, an isolated position survives: its distance
     * to liquidation. Zero when the mark already liquidates it; empty when no price does.
     */
    public Optional<BigDecimal> survivableMove(Position isolated, BigDecimal markPrice) {
        requireIsolated(isolated);
        BigDecimal distance = calculator.isolated(isolated, markPrice).distanceToLiquidation();
        if (distance == null) {
            return Optional.empty();
        }
        return Optional.of(Decimals.max(BigDecimal.ZERO, distance));
    }

    /**
     * The largest move x, as a fraction of each mark, that a cross pool survives when every mark moves against
     * its position at once (longs to mark·(1 − x), floored at 0; shorts to mark·(1 + x)). Equity minus
     * maintenance falls as x grows, so x is found by bisection, to within 1e-15, rounded down. Zero when the
     * pool is already liquidated; empty when no move liquidates it (longs backed by more than their notional).
     */
    public Optional<BigDecimal> survivableMove(BigDecimal crossWallet, List<PricedPosition> crossPositions) {
        Objects.requireNonNull(crossWallet, "crossWallet");
        if (surplusAfterMove(crossWallet, crossPositions, BigDecimal.ZERO).signum() <= 0) {
            return Optional.of(BigDecimal.ZERO);
        }
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ONE;
        int doublings = 0;
        while (surplusAfterMove(crossWallet, crossPositions, high).signum() > 0) {
            if (onlyLongs(crossPositions) || ++doublings > 60) {
                return Optional.empty();
            }
            low = high;
            high = high.multiply(TWO);
        }
        while (high.subtract(low).compareTo(SEARCH_TOLERANCE) > 0) {
            BigDecimal middle = low.add(high).divide(TWO).setScale(SEARCH_SCALE, RoundingMode.HALF_EVEN);
            if (surplusAfterMove(crossWallet, crossPositions, middle).signum() > 0) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return Optional.of(low);
    }

    /** The cross wallet after closing {@code fraction} of every position at its mark: it books their PnL. */
    private static BigDecimal walletAfterClosing(BigDecimal crossWallet, List<PricedPosition> crossPositions,
                                                 BigDecimal fraction) {
        BigDecimal wallet = crossWallet;
        for (PricedPosition priced : crossPositions) {
            wallet = wallet.add(priced.position().unrealizedPnl(priced.markPrice()).multiply(fraction));
        }
        return wallet;
    }

    /** Every position with {@code fraction} of its quantity closed, same entry and mark. */
    private static List<PricedPosition> reduced(List<PricedPosition> crossPositions, BigDecimal fraction) {
        BigDecimal keep = BigDecimal.ONE.subtract(fraction);
        List<PricedPosition> remaining = new ArrayList<>(crossPositions.size());
        for (PricedPosition priced : crossPositions) {
            Position position = priced.position();
            remaining.add(new PricedPosition(new Position(position.id(), position.symbol(), position.side(),
                    position.quantity().multiply(keep), position.entryPrice(), position.leverage(),
                    MarginMode.CROSS, null), priced.markPrice()));
        }
        return remaining;
    }

    /** Margin balance minus maintenance margin with every mark moved {@code move} against its position. */
    private BigDecimal surplusAfterMove(BigDecimal crossWallet, List<PricedPosition> crossPositions, BigDecimal move) {
        BigDecimal surplus = crossWallet;
        for (PricedPosition priced : crossPositions) {
            Position position = priced.position();
            BigDecimal price = Decimals.max(BigDecimal.ZERO, adverse(position.side(), priced.markPrice(), move));
            surplus = surplus.add(position.unrealizedPnl(price)).subtract(calculator.maintenanceMargin(position, price));
        }
        return surplus;
    }

    private static boolean onlyLongs(List<PricedPosition> positions) {
        return positions.stream().allMatch(priced -> priced.position().side() == Side.LONG);
    }

    /** The price {@code fraction} of the mark against a position of {@code side}. */
    private static BigDecimal adverse(Side side, BigDecimal markPrice, BigDecimal fraction) {
        return markPrice.multiply(BigDecimal.ONE.subtract(side.signDecimal().multiply(fraction)));
    }

    private static void requireIsolated(Position position) {
        Objects.requireNonNull(position, "position");
        if (!position.isIsolated()) {
            throw new IllegalArgumentException("not an isolated position: " + position.id());
        }
    }

    private static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }

    private static void requireFraction(BigDecimal fraction) {
        Objects.requireNonNull(fraction, "fraction");
        if (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
        }
    }
}
