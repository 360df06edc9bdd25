package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Solves "equity = maintenance margin" for the mark price of one symbol, every other price held fixed.
 *
 * <p>With legs i in the symbol (several legs = hedged or split positions) and everything else folded
 * into a constant C (the isolated wallet, or for cross: the cross wallet plus the other symbols' PnL minus
 * their maintenance margin):
 * <pre>  f(P) = C + Σ sᵢ·qᵢ·(P − Eᵢ) − Σ (qᵢ·P·mmrᵢ − cumᵢ)</pre>
 * f is linear between the prices where some leg changes tier, so we solve each such segment exactly and
 * keep the root that lies inside its own segment. This is the exchanges' "re-check the tier at the
 * liquidation price" done once and for all, and it also copes with hedged legs where f is not monotone.
 */
public final class LiquidationSolver {

    /** One position leg in the symbol being solved. */
    public record Leg(Side side, BigDecimal quantity, BigDecimal entryPrice, TierSchedule schedule) {
    }

    private LiquidationSolver() {
    }

    /**
     * The liquidation price nearest to {@code markPrice}, or empty when no positive price liquidates
     * (e.g. a long backed by more than its notional).
     */
    public static Optional<BigDecimal> solve(BigDecimal constant, List<Leg> legs, BigDecimal markPrice) {
        List<BigDecimal> roots = roots(constant, legs);
        BigDecimal best = null;
        BigDecimal bestDistance = null;
        for (BigDecimal root : roots) {
            BigDecimal distance = root.subtract(markPrice).abs();
            if (best == null || distance.compareTo(bestDistance) < 0) {
                best = root;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Every positive price where equity equals maintenance margin, ascending. */
    public static List<BigDecimal> roots(BigDecimal constant, List<Leg> legs) {
        List<BigDecimal> edges = segmentEdges(legs);
        List<BigDecimal> roots = new ArrayList<>();
        for (int i = 0; i < edges.size(); i++) {
            BigDecimal low = edges.get(i);
            BigDecimal high = i + 1 < edges.size() ? edges.get(i + 1) : null;
            BigDecimal inside = high == null ? low.multiply(BigDecimal.valueOf(2)).add(BigDecimal.ONE)
                    : Decimals.divide(low.add(high), BigDecimal.valueOf(2));
            BigDecimal slope = BigDecimal.ZERO;
            BigDecimal intercept = constant;
            for (Leg leg : legs) {
                MaintenanceTier tier = leg.schedule().tierFor(leg.quantity().multiply(inside));
                BigDecimal signedQuantity = leg.side().signDecimal().multiply(leg.quantity());
                slope = slope.add(signedQuantity).subtract(leg.quantity().multiply(tier.maintenanceMarginRate()));
                intercept = intercept.subtract(signedQuantity.multiply(leg.entryPrice())).add(tier.maintenanceAmount());
            }
            if (slope.signum() == 0) {
                continue;
            }
            BigDecimal root = Decimals.divide(intercept.negate(), slope);
            boolean inSegment = root.compareTo(low) >= 0 && (high == null || root.compareTo(high) <= 0);
            if (root.signum() > 0 && inSegment && !containsClose(roots, root)) {
                roots.add(root);
            }
        }
        return roots;
    }

    /** f(P): equity minus maintenance margin at price P. Zero at a liquidation price. */
    public static BigDecimal surplus(BigDecimal constant, List<Leg> legs, BigDecimal price) {
        BigDecimal surplus = constant;
        for (Leg leg : legs) {
            BigDecimal pnl = leg.side().signDecimal().multiply(leg.quantity()).multiply(price.subtract(leg.entryPrice()));
            surplus = surplus.add(pnl).subtract(leg.schedule().maintenanceMargin(leg.quantity().multiply(price)));
        }
        return surplus;
    }

    private static List<BigDecimal> segmentEdges(List<Leg> legs) {
        TreeSet<BigDecimal> edges = new TreeSet<>();
        edges.add(BigDecimal.ZERO);
        for (Leg leg : legs) {
            for (BigDecimal boundary : leg.schedule().boundaries()) {
                edges.add(Decimals.divide(boundary, leg.quantity()));
            }
        }
        return new ArrayList<>(edges);
    }

    private static boolean containsClose(List<BigDecimal> roots, BigDecimal candidate) {
        for (BigDecimal root : roots) {
            BigDecimal tolerance = root.abs().multiply(new BigDecimal("1e-20"));
            if (root.subtract(candidate).abs().compareTo(tolerance) <= 0) {
                return true;
            }
        }
        return false;
    }
}
