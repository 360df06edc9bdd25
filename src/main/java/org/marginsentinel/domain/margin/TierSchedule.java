package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

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

    /**
     * A schedule at least as demanding as every one given, at every notional: in each stretch between their
     * boundaries the highest maintenance rate and the lowest maximum leverage of them all. Maintenance margin is
     * the integral of the rate over notional (the cum recursion makes it so, from 0 at notional 0), so the
     * highest rate everywhere gives the highest maintenance margin everywhere.
     */
    public static TierSchedule conservativeEnvelope(Collection<TierSchedule> schedules) {
        if (schedules.isEmpty()) {
            throw new IllegalArgumentException("an envelope needs at least one schedule");
        }
        TreeSet<BigDecimal> edges = new TreeSet<>();
        schedules.forEach(schedule -> edges.addAll(schedule.boundaries()));
        List<BigDecimal> floors = new ArrayList<>();
        floors.add(BigDecimal.ZERO);
        floors.addAll(edges);
        List<MaintenanceTier> tiers = new ArrayList<>();
        for (int i = 0; i < floors.size(); i++) {
            BigDecimal floor = floors.get(i);
            BigDecimal cap = i + 1 < floors.size() ? floors.get(i + 1) : null;
            BigDecimal inside = cap == null ? floor.add(BigDecimal.ONE) : Decimals.divide(floor.add(cap), BigDecimal.valueOf(2));
            BigDecimal rate = BigDecimal.ZERO;
            int leverage = Integer.MAX_VALUE;
            for (TierSchedule schedule : schedules) {
                MaintenanceTier tier = schedule.tierFor(inside);
                rate = rate.max(tier.maintenanceMarginRate());
                leverage = Math.min(leverage, tier.maxLeverage());
            }
            MaintenanceTier previous = tiers.isEmpty() ? null : tiers.get(tiers.size() - 1);
            if (previous != null && previous.maintenanceMarginRate().compareTo(rate) == 0
                    && previous.maxLeverage() == leverage) {
                tiers.set(tiers.size() - 1, new MaintenanceTier(previous.notionalFloor(), cap, rate,
                        previous.maintenanceAmount(), leverage));
                continue;
            }
            BigDecimal amount = previous == null ? BigDecimal.ZERO : previous.maintenanceAmount()
                    .add(floor.multiply(rate.subtract(previous.maintenanceMarginRate())));
            tiers.add(new MaintenanceTier(floor, cap, rate, amount, leverage));
        }
        return of(tiers);
    }

    public List<MaintenanceTier> tiers() {
        return tiers;
    }

    /** The tier of a notional (a notional exactly at a cap is in the lower tier); above the last cap, the last tier. */
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

    /** The same brackets: equal bounds, rates, amounts and leverage caps, whatever the decimals' scale. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TierSchedule that) || that.tiers.size() != tiers.size()) {
            return false;
        }
        for (int i = 0; i < tiers.size(); i++) {
            if (!sameTier(tiers.get(i), that.tiers.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = tiers.size();
        for (MaintenanceTier tier : tiers) {
            hash = 31 * hash + tier.maxLeverage();
            hash = 31 * hash + tier.maintenanceMarginRate().stripTrailingZeros().hashCode();
        }
        return hash;
    }

    private static boolean sameTier(MaintenanceTier a, MaintenanceTier b) {
        return a.maxLeverage() == b.maxLeverage()
                && sameNumber(a.notionalFloor(), b.notionalFloor())
                && sameNumber(a.notionalCap(), b.notionalCap())
                && sameNumber(a.maintenanceMarginRate(), b.maintenanceMarginRate())
                && sameNumber(a.maintenanceAmount(), b.maintenanceAmount());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
