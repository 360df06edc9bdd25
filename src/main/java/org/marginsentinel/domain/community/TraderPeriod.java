package org.marginsentinel.domain.community;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One member's paper results over a leaderboard period, as the ranking needs them.
 *
 * @param memberId     who (the Telegram user id); also the last tie-breaker
 * @param capital      the money at risk: wallet at the start of the period plus what was paid in during it;
 *                     must be positive
 * @param pnlPath      cumulative trading result (not deposits or withdrawals) after each booked event, in time
 *                     order, ending with the result now (booked plus open); empty = nothing happened
 * @param liquidations how many liquidations happened in the period
 */
public record TraderPeriod(long memberId, BigDecimal capital, List<BigDecimal> pnlPath, int liquidations) {

    public TraderPeriod {
        Objects.requireNonNull(capital, "capital");
        if (capital.signum() <= 0) {
            throw new IllegalArgumentException("capital must be positive, was " + capital);
        }
        if (liquidations < 0) {
            throw new IllegalArgumentException("liquidations must not be negative");
        }
        pnlPath = List.copyOf(pnlPath);
    }

    /** The result at the end of the period (0 when nothing happened). */
    public BigDecimal finalPnl() {
        return pnlPath.isEmpty() ? BigDecimal.ZERO : pnlPath.get(pnlPath.size() - 1);
    }
}
