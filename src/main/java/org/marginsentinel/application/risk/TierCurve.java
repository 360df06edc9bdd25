package org.marginsentinel.application.risk;

import java.util.List;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.TierSchedule;

/**
 * A tier schedule in primitives for the per-tick screen: maintenance margin of a notional without
 * allocating. Exact decimals are used again for anything the screen flags.
 */
final class TierCurve {

    private final double[] floors;
    private final double[] rates;
    private final double[] amounts;

    TierCurve(TierSchedule schedule) {
        List<MaintenanceTier> tiers = schedule.tiers();
        floors = new double[tiers.size()];
        rates = new double[tiers.size()];
        amounts = new double[tiers.size()];
        for (int i = 0; i < tiers.size(); i++) {
            floors[i] = tiers.get(i).notionalFloor().doubleValue();
            rates[i] = tiers.get(i).maintenanceMarginRate().doubleValue();
            amounts[i] = tiers.get(i).maintenanceAmount().doubleValue();
        }
    }

    /**
     * The liquidation price of an isolated position in doubles, for the screen: where wallet plus PnL equals the
     * maintenance margin, solved per tier like the exact engine does. NaN when this is not clear-cut (no root or
     * more than one, or a price near zero); the caller then asks the exact engine. The relative error is a few
     * ulps, far inside the screen's {@link IsolatedBook#MARGIN}: no catastrophic cancellation, as wallet, PnL
     * and maintenance terms all point the same way at the root.
     */
    double isolatedLiquidation(boolean isLong, double quantity, double entry, double wallet) {
        double sign = isLong ? 1 : -1;
        double found = Double.NaN;
        for (int tier = 0; tier < floors.length; tier++) {
            double root = (sign * quantity * entry - wallet - amounts[tier]) / (sign * quantity - quantity * rates[tier]);
            double notional = quantity * root;
            double low = floors[tier] * (1 - SEGMENT_SLACK);
            double high = tier + 1 < floors.length ? floors[tier + 1] * (1 + SEGMENT_SLACK) : Double.POSITIVE_INFINITY;
            if (notional >= low && notional <= high) {
                if (!Double.isNaN(found)) {
                    return Double.NaN; // on a tier boundary, or a schedule with a gap: let the exact engine choose
                }
                found = root;
            }
        }
        return found > entry * NEAR_ZERO ? found : Double.NaN;
    }

    /** Roots this close to a tier boundary count for both neighbours, and so go to the exact engine. */
    private static final double SEGMENT_SLACK = 1e-9;
    /** Liquidation prices under a billionth of the entry go to the exact engine (is there one at all?). */
    private static final double NEAR_ZERO = 1e-9;

    double maintenanceMargin(double notional) {
        int tier = 0;
        while (tier + 1 < floors.length && notional >= floors[tier + 1]) {
            tier++;
        }
        return Math.max(0, notional * rates[tier] - amounts[tier]);
    }
}
