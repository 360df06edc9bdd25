package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Binance USDⓈ-M, single-asset mode, as its FAQs "How to adjust margin" and "Available and withdrawable balance"
 * publish them:
 * <ul>
 *   <li>removable isolated margin = max(0, min(isolated wallet − MM, isolated wallet + UPNL − mark·|q|/leverage)):
 *       the maintenance margin stays covered, and so does the initial margin at the mark after the PnL;</li>
 *   <li>transfer into isolated margin and withdrawal = max(0, min(cross wallet − ΣMM, cross wallet + ΣUPNL − ΣIM))
 *       over the cross positions: unrealised profit never leaves the cross wallet, which cannot go negative.</li>
 * </ul>
 * Brackets carry Binance's own maintenance rate and amount ("cum").
 */
public final class BinanceMarginRules implements MarginRules {

    public static final BinanceMarginRules INSTANCE = new BinanceMarginRules();

    @Override
    public String venue() {
        return "Binance USDⓈ-M";
    }

    @Override
    public TierSchedule schedule(List<PublishedTier> published) {
        List<MaintenanceTier> tiers = new ArrayList<>(published.size());
        for (PublishedTier tier : published) {
            if (tier.maintenanceMarginRate() == null || tier.maintenanceAmount() == null) {
                throw new IllegalArgumentException("a Binance bracket needs its maintMarginRatio and cum");
            }
            tiers.add(new MaintenanceTier(tier.notionalFloor(), tier.notionalCap(), tier.maintenanceMarginRate(),
                    tier.maintenanceAmount(), tier.maxLeverage()));
        }
        return TierSchedule.of(tiers);
    }

    @Override
    public MarginAllowance removableIsolatedMargin(Position position, BigDecimal markPrice, TierSchedule schedule) {
        BigDecimal wallet = position.isolatedMargin();
        BigDecimal notional = position.notionalAt(markPrice);
        BigDecimal maintenance = schedule.maintenanceMargin(notional);
        BigDecimal pnl = position.unrealizedPnl(markPrice);
        BigDecimal initialAtMark = Decimals.divide(notional, BigDecimal.valueOf(position.leverage()));
        BigDecimal aboveMaintenance = wallet.subtract(maintenance);
        BigDecimal aboveInitial = wallet.add(pnl).subtract(initialAtMark);
        if (aboveInitial.compareTo(aboveMaintenance) <= 0) {
            return new MarginAllowance(aboveInitial, "the position must keep its initial margin at the mark ("
                    + Decimals.usdt(initialAtMark) + ") after its unrealised PnL (" + Decimals.signedUsdt(pnl) + ")",
                    MarginAllowance.Rule.POSITION_KEEPS_INITIAL_AT_MARK, initialAtMark, pnl);
        }
        return new MarginAllowance(aboveMaintenance, "the position must keep its maintenance margin ("
                + Decimals.usdt(maintenance) + ")", MarginAllowance.Rule.POSITION_KEEPS_MAINTENANCE, maintenance);
    }

    @Override
    public MarginAllowance addableIsolatedMargin(CrossPool pool) {
        return fromCrossWallet(pool);
    }

    @Override
    public MarginAllowance withdrawable(CrossPool pool) {
        return fromCrossWallet(pool);
    }

    private static MarginAllowance fromCrossWallet(CrossPool pool) {
        BigDecimal aboveMaintenance = pool.wallet().subtract(pool.maintenanceMargin());
        BigDecimal available = pool.wallet().add(pool.unrealizedPnl()).subtract(pool.initialMargin());
        if (available.compareTo(aboveMaintenance) < 0) {
            return new MarginAllowance(available, "that is the available balance: the cross wallet ("
                    + Decimals.usdt(pool.wallet()) + ") with its unrealised PnL (" + Decimals.signedUsdt(pool.unrealizedPnl())
                    + ") less the cross positions' initial margin (" + Decimals.usdt(pool.initialMargin()) + ")",
                    MarginAllowance.Rule.AVAILABLE_BALANCE, pool.wallet(), pool.unrealizedPnl(), pool.initialMargin());
        }
        return new MarginAllowance(aboveMaintenance, "only the cross wallet (" + Decimals.usdt(pool.wallet())
                + ") can move, less the cross positions' maintenance margin (" + Decimals.usdt(pool.maintenanceMargin())
                + "); unrealised profit stays until it is realised",
                MarginAllowance.Rule.CROSS_WALLET_LESS_MAINTENANCE, pool.wallet(), pool.maintenanceMargin());
    }
}
