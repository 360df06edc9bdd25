package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The maintenance-margin brackets of one contract, ascending by notional. */
public final class TierSchedule {

    private final List<MaintenanceTier> tiers;

    private TierSchedule(List<MaintenanceTier> tiers) {
        this.tiers = tiers;
    }

    public static TierSchedule of(List<MaintenanceTier> tiers) {
        if (tiers == null || tiers.isEmpty()) {
            throw new IllegalArgumentException("a tier schedule needs at least one tier");
        }
        List<MaintenanceTier> sorted = new ArrayList<>(tiers);
        sorted.sort(Comparator.comparing(MaintenanceTier::notionalFloor));
        if (sorted.get(0).notionalFloor().signum() != 0) {
            throw new IllegalArgumentException("the first tier must start at notional 0");
        }
        for (int i = 1; i < sorted.size(); i++) {
            BigDecimal previousCap = sorted.get(i - 1).notionalCap();
            if (previousCap == null || previousCap.compareTo(sorted.get(i).notionalFloor()) != 0) {
                throw new IllegalArgumentException(
                        "tier " + (i + 1) + " must start where tier " + i + " ends (" + previousCap + ")");
            }
        }
        return new TierSchedule(List.copyOf(sorted));
    }

    public static TierSchedule flat(BigDecimal maintenanceMarginRate, BigDecimal maintenanceAmount) {
        return new TierSchedule(List.of(MaintenanceTier.flat(maintenanceMarginRate, maintenanceAmount)));
    }

    public List<MaintenanceTier> tiers() {
        return tiers;
    }

    /** The tier of a notional; notionals above the last cap stay in the last tier. */
    public MaintenanceTier tierFor(BigDecimal notional) {
        for (MaintenanceTier tier : tiers) {
            if (tier.contains(notional)) {
                return tier;
            }
        }
        return tiers.get(tiers.size() - 1);
    }

    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return tierFor(notional).maintenanceMargin(notional);
    }

    /** Highest leverage the exchange allows for a position of this notional. */
    public int maxLeverage(BigDecimal notional) {
        return tierFor(notional).maxLeverage();
    }

    /** Notionals where the tier changes (every floor after the first), ascending. */
    List<BigDecimal> boundaries() {
        List<BigDecimal> floors = new ArrayList<>();
        for (int i = 1; i < tiers.size(); i++) {
            floors.add(tiers.get(i).notionalFloor());
        }
        return floors;
    }
}
