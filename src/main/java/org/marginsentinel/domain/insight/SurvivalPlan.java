package org.marginsentinel.domain.insight;

import java.math.BigDecimal;

/**
 * What survives the move that has a {@link org.marginsentinel.domain.insight.LiquidationOdds#ADVICE_PROBABILITY 5%}
 * chance within 24 hours, judged from each symbol's realised volatility.
 *
 * @param move          isolated: that move against the position, a fraction of the mark; null for a pool (every
 *                      symbol has its own)
 * @param marginToAdd   isolated: margin to add, exact (round up when showing it); null for a pool
 * @param liquidationAfter isolated: the liquidation price once it is added; null for a pool
 * @param depositNeeded pool: USDT to deposit, exact; null for an isolated position
 * @param shareToClose  pool: share of every cross position to close instead, rounded up; null when closing cannot help
 */
public record SurvivalPlan(BigDecimal move, BigDecimal marginToAdd, BigDecimal liquidationAfter,
                           BigDecimal depositNeeded, BigDecimal shareToClose) {

    public static SurvivalPlan isolated(BigDecimal move, BigDecimal marginToAdd, BigDecimal liquidationAfter) {
        return new SurvivalPlan(move, marginToAdd, liquidationAfter, null, null);
    }

    public static SurvivalPlan pool(BigDecimal depositNeeded, BigDecimal shareToClose) {
        return new SurvivalPlan(null, null, null, depositNeeded, shareToClose);
    }

    public boolean forPool() {
        return depositNeeded != null;
    }
}
