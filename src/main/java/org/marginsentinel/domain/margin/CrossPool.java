package org.marginsentinel.domain.margin;

import java.math.BigDecimal;

/**
 * The figures of the cross pool that margin moves depend on.
 *
 * @param wallet            cross wallet balance: the account wallet minus the isolated wallets, no unrealised PnL
 * @param unrealizedPnl     Σ unrealised PnL of the cross positions at their marks
 * @param maintenanceMargin Σ maintenance margin of the cross positions
 * @param initialMargin     Σ notional at mark / leverage of the cross positions
 */
public record CrossPool(BigDecimal wallet, BigDecimal unrealizedPnl, BigDecimal maintenanceMargin,
                        BigDecimal initialMargin) {

    public static CrossPool of(CrossAccountRisk cross) {
        return new CrossPool(cross.walletBalance(), cross.unrealizedPnl(), cross.maintenanceMargin(),
                cross.initialMargin());
    }
}
