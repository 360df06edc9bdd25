package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyperliquid perpetuals. Maintenance margin is half the initial margin at the tier's maximum leverage,
 * {@code rate = 1/(2·maxLeverage)}, with the deduction built by the same recursion as Binance's "cum" so the
 * margin is continuous across tiers (Hyperliquid docs: margin tiers, liquidations).
 *
 * <p>Margin moves follow Hyperliquid's margining page as we read it, not yet checked against exchange output:
 * what leaves a position or the cross account must leave {@code max(initial margin at the mark, 10% of the
 * notional)} behind, unrealised PnL included.
 */
public final class HyperliquidMarginRules implements MarginRules {

    public static final HyperliquidMarginRules INSTANCE = new HyperliquidMarginRules();
    private static final BigDecimal TRANSFER_FLOOR = new BigDecimal("0.1");

    @Override
    public String venue() {
        return "Hyperliquid";
    }

    /** Maintenance rate of a tier: half the initial margin rate at its maximum leverage. */
    public static BigDecimal maintenanceRate(int maxLeverage) {
        return Decimals.divide(BigDecimal.ONE, BigDecimal.valueOf(2L * maxLeverage));
    }

    @Override
    public TierSchedule schedule(List<PublishedTier> published) {
        List<PublishedTier> sorted = new ArrayList<>(published);
        sorted.sort((a, b) -> a.notionalFloor().compareTo(b.notionalFloor()));
        List<MaintenanceTier> tiers = new ArrayList<>(sorted.size());
        BigDecimal previousRate = BigDecimal.ZERO;
        BigDecimal deduction = BigDecimal.ZERO;
        for (PublishedTier tier : sorted) {
            BigDecimal rate = maintenanceRate(tier.maxLeverage());
            deduction = deduction.add(tier.notionalFloor().multiply(rate.subtract(previousRate)));
            tiers.add(new MaintenanceTier(tier.notionalFloor(), tier.notionalCap(), rate, deduction, tier.maxLeverage()));
            previousRate = rate;
        }
        return TierSchedule.of(tiers);
    }

    @Override
    public MarginAllowance removableIsolatedMargin(Position position, BigDecimal markPrice, TierSchedule schedule) {
        BigDecimal notional = position.notionalAt(markPrice);
        BigDecimal kept = transferMarginRequired(notional, position.leverage());
        BigDecimal equity = position.isolatedMargin().add(position.unrealizedPnl(markPrice));
        return new MarginAllowance(Decimals.min(position.isolatedMargin(), equity.subtract(kept)),
                "the position must keep " + Decimals.usdt(kept) + " (its initial margin at the mark, at least 10% of "
                        + "the notional) after its unrealised PnL", MarginAllowance.Rule.POSITION_KEEPS_INITIAL, kept);
    }

    @Override
    public MarginAllowance addableIsolatedMargin(CrossPool pool) {
        return withdrawable(pool);
    }

    @Override
    public MarginAllowance withdrawable(CrossPool pool) {
        BigDecimal kept = Decimals.max(pool.initialMargin(), pool.maintenanceMargin());
        BigDecimal equity = pool.wallet().add(pool.unrealizedPnl());
        return new MarginAllowance(Decimals.min(pool.wallet(), equity.subtract(kept)),
                "the cross account must keep its initial margin (" + Decimals.usdt(kept) + ") after unrealised PnL",
                MarginAllowance.Rule.CROSS_KEEPS_INITIAL, kept);
    }

    private static BigDecimal transferMarginRequired(BigDecimal notional, int leverage) {
        return Decimals.max(Decimals.divide(notional, BigDecimal.valueOf(leverage)), notional.multiply(TRANSFER_FLOOR));
    }
}
