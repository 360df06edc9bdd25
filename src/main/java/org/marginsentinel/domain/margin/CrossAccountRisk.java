package org.marginsentinel.domain.margin;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The shared cross-margin pool.
 *
 * @param walletBalance      the cross wallet: the account wallet minus every isolated position's margin
 * @param marginBalance      cross wallet + unrealised PnL of the cross positions (the pool's equity)
 * @param marginRatio        maintenance margin / margin balance; liquidation at 1 (100%); null when the
 *                           margin balance is zero or negative while maintenance is owed
 * @param initialMargin      Σ notional at mark / leverage of the cross positions
 * @param availableBalance   what new positions can use: margin balance − initial margin, never negative
 * @param withdrawable       what may leave the account: like available, but unrealised profit does not count
 * @param liquidationPrices  per symbol held in cross, the mark at which the pool would be liquidated if every
 *                           other symbol stayed where it is; symbols without one are absent
 */
public record CrossAccountRisk(BigDecimal walletBalance, BigDecimal unrealizedPnl, BigDecimal marginBalance,
                               BigDecimal maintenanceMargin, BigDecimal marginRatio, BigDecimal initialMargin,
                               BigDecimal availableBalance, BigDecimal withdrawable,
                               Map<String, BigDecimal> liquidationPrices) {

    public CrossAccountRisk {
        liquidationPrices = Map.copyOf(liquidationPrices);
    }

    public Optional<BigDecimal> liquidationPrice(String symbol) {
        return Optional.ofNullable(liquidationPrices.get(symbol));
    }

    /** The pool no longer covers its maintenance margin: every cross position would be liquidated. */
    public boolean liquidated() {
        return maintenanceMargin.signum() > 0 && marginBalance.compareTo(maintenanceMargin) <= 0;
    }
}
