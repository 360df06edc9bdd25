package org.marginsentinel.application.history;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What trading did to the wallet on one UTC day. Every amount is signed as the wallet saw it: fees are negative,
 * funding received positive, a liquidation's lost margin negative.
 */
public record DayPnl(LocalDate day, BigDecimal realizedPnl, BigDecimal fees, BigDecimal funding,
                     BigDecimal liquidations) {

    static DayPnl empty(LocalDate day) {
        return new DayPnl(day, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The wallet's change by trading that day. */
    public BigDecimal net() {
        return realizedPnl.add(fees).add(funding).add(liquidations);
    }

    /** True when nothing was booked that day. */
    public boolean quiet() {
        return realizedPnl.signum() == 0 && fees.signum() == 0 && funding.signum() == 0 && liquidations.signum() == 0;
    }

    DayPnl plus(DayPnl other) {
        return new DayPnl(day, realizedPnl.add(other.realizedPnl), fees.add(other.fees), funding.add(other.funding),
                liquidations.add(other.liquidations));
    }
}
