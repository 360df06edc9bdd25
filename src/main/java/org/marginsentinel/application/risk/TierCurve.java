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

    double maintenanceMargin(double notional) {
        int tier = 0;
        while (tier + 1 < floors.length && notional >= floors[tier + 1]) {
            tier++;
        }
        return Math.max(0, notional * rates[tier] - amounts[tier]);
    }
}
