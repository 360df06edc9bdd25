package org.marginsentinel.domain.community;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks paper results by risk-adjusted survival rather than raw PnL; the rules are in the package
 * documentation. Stateless and thread-safe.
 */
public final class SurvivalRanking {

    /** Fractions are kept to 10 decimals (far below what a leaderboard shows). */
    static final int SCALE = 10;

    /** Fewest liquidations, highest score, smallest drawdown, highest return, lowest member id. */
    public static final Comparator<Standing> ORDER = Comparator.comparingInt(Standing::liquidations)
            .thenComparing(Standing::score, Comparator.reverseOrder())
            .thenComparing(Standing::maxDrawdown)
            .thenComparing(Standing::returnFraction, Comparator.reverseOrder())
            .thenComparingLong(Standing::memberId);

    private SurvivalRanking() {
    }

    /** Return, maximum drawdown and score of one member's period. */
    public static Standing measure(TraderPeriod period) {
        BigDecimal capital = period.capital();
        BigDecimal peak = capital;
        BigDecimal worstDrawdown = BigDecimal.ZERO;
        for (BigDecimal pnl : period.pnlPath()) {
            BigDecimal equity = capital.add(pnl);
            if (equity.compareTo(peak) > 0) {
                peak = equity;
                continue;
            }
            BigDecimal drawdown = peak.subtract(equity).divide(peak, SCALE, RoundingMode.HALF_EVEN);
            if (drawdown.compareTo(worstDrawdown) > 0) {
                worstDrawdown = drawdown;
            }
        }
        worstDrawdown = worstDrawdown.min(BigDecimal.ONE);
        BigDecimal returnFraction = period.finalPnl().divide(capital, SCALE, RoundingMode.HALF_EVEN);
        return new Standing(period.memberId(), returnFraction, worstDrawdown, period.liquidations(),
                returnFraction.subtract(worstDrawdown));
    }

    /** Every member measured and sorted by {@link #ORDER}, best first. */
    public static List<Standing> rank(Collection<TraderPeriod> periods) {
        return periods.stream().map(SurvivalRanking::measure).sorted(ORDER).toList();
    }
}
