package org.marginsentinel.adapter.telegram.views;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import java.math.BigDecimal;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.insight.AccountInsights;
import org.marginsentinel.application.insight.PositionInsight;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.OddsEstimate;
import org.marginsentinel.domain.insight.PoolDistance;

/** Short Telegram HTML for odds, volatility and survival advice, shared by commands and warnings. Pure. */
public final class InsightViews {

    private InsightViews() {
    }

    /** "🎲 24 h odds of liquidation 3.51% · 2.1 daily σ away (σ 5.00%/day)", or empty when nothing is known. */
    public static String oddsLine(PositionInsight insight) {
        if (insight.volatility() == null) {
            return "";
        }
        if (insight.odds() == null) {
            return "🎲 No liquidation price, no odds of liquidation (σ " + volatility(insight.volatility()) + "/day)";
        }
        return "🎲 24 h odds of liquidation " + bold(probability(insight.odds().probability())) + " · "
                + volUnits(insight.odds()) + " (σ " + volatility(insight.volatility()) + "/day)";
    }

    /** The cross pool's survivable move and its odds (see {@link PoolDistanceText#line}); empty without one. */
    public static String poolDistanceLine(PoolDistance distance) {
        return PoolDistanceText.line(distance);
    }

    /** A probability for humans: "3.51%", "under 0.01%", "100%". */
    public static String probability(double probability) {
        return PoolDistanceText.probability(probability);
    }


    /** The distance in daily-volatility units: "2.1 daily σ away". */
    public static String volUnits(OddsEstimate odds) {
        if (odds.probability() >= 1) {
            return "at the liquidation price";
        }
        if (Double.isInfinite(odds.volUnits())) {
            return "no volatility measured";
        }
        return String.format(Locale.ROOT, "%.1f daily σ away", odds.volUnits());
    }

    public static String volatility(DailyVolatility volatility) {
        return Fmt.percent(BigDecimal.valueOf(volatility.daily()));
    }

    /**
     * "To survive the 24 h move with a 5% chance …": margin to add for an isolated position ({@code number} is its
     * position number), or a deposit / share to close for the pool.
     */
    public static String survivalLine(SurvivalPlan plan, int number) {
        if (plan.forPool()) {
            StringBuilder line = new StringBuilder("🛡 To survive the move each symbol has a 5% chance of making "
                    + "within 24 h: deposit ").append(Fmt.usdt(roundedUp(plan.depositNeeded())));
            if (plan.shareToClose() != null) {
                line.append(" or close ").append(percentRoundedUp(plan.shareToClose())).append(" of your cross positions");
            }
            return line.append('.').toString();
        }
        return "🛡 To survive the move with a 5% chance within 24 h (" + Fmt.percent(plan.move()) + " against you): add "
                + Fmt.usdt(roundedUp(plan.marginToAdd())) + " margin (/margin " + number + " add "
                + plan.marginToAdd().setScale(0, java.math.RoundingMode.UP).toPlainString() + ").";
    }

    private static BigDecimal roundedUp(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UP);
    }

    /** A share for humans, rounded up to a whole percent: "34%". */
    public static String percentRoundedUp(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(0, java.math.RoundingMode.UP).toPlainString() + "%";
    }

    /** "ℹ️ No volatility for XYZUSDT right now: no odds." when candles were missing; else empty. */
    public static String volatilityNote(AccountInsights insights) {
        if (insights.symbolsWithoutVolatility().isEmpty()) {
            return "";
        }
        return "\n" + Html.escape("ℹ️ No volatility for " + String.join(", ",
                insights.symbolsWithoutVolatility().stream().sorted().toList()) + " right now: no odds for it.");
    }
}
