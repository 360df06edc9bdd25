package org.marginsentinel.application;

import java.math.BigDecimal;
import java.util.Map;
import org.marginsentinel.application.port.LedgerKind;

/**
 * What has moved an account's wallet since it opened, from its ledger. The wallet always equals
 * {@code paidIn − withdrawn + realizedPnl − feesPaid + funding − liquidationLosses}.
 *
 * @param paidIn            opening balance and deposits
 * @param withdrawn         withdrawals (positive)
 * @param realizedPnl       realised PnL of closes and reductions, before fees
 * @param feesPaid          taker fees paid (positive)
 * @param funding           funding received minus funding paid
 * @param liquidationLosses margin lost to liquidations (positive)
 */
public record WalletTotals(BigDecimal paidIn, BigDecimal withdrawn, BigDecimal realizedPnl, BigDecimal feesPaid,
                           BigDecimal funding, BigDecimal liquidationLosses) {

    public static WalletTotals of(Map<LedgerKind, BigDecimal> byKind) {
        return new WalletTotals(sum(byKind, LedgerKind.OPENING_BALANCE).add(sum(byKind, LedgerKind.DEPOSIT)),
                sum(byKind, LedgerKind.WITHDRAWAL).negate(), sum(byKind, LedgerKind.REALIZED_PNL),
                sum(byKind, LedgerKind.FEE).negate(), sum(byKind, LedgerKind.FUNDING),
                sum(byKind, LedgerKind.LIQUIDATION).negate());
    }

    /** The wallet these totals add up to. */
    public BigDecimal wallet() {
        return paidIn.subtract(withdrawn).add(realizedPnl).subtract(feesPaid).add(funding).subtract(liquidationLosses);
    }

    private static BigDecimal sum(Map<LedgerKind, BigDecimal> byKind, LedgerKind kind) {
        return byKind.getOrDefault(kind, BigDecimal.ZERO);
    }
}
