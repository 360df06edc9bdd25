package org.marginsentinel.adapter.telegram.insights;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import java.math.BigDecimal;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.alerts.NoticeText;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.insight.AccountInsights;
import org.marginsentinel.application.insight.PositionInsight;
import org.marginsentinel.application.insight.SurvivalPlan;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.OddsEstimate;

/** Short Telegram HTML for odds, volatility and survival advice. Pure. */
public final class InsightViews {

    private static final double SHOWN_AS_ZERO = 0.00005;

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

    /** A probability for humans: "3.51%", "under 0.01%", "100%". */
    public static String probability(double probability) {
        if (probability >= 1) {
            return "100%";
        }
        if (probability < SHOWN_AS_ZERO) {
            return "under 0.01%";
        }
        return Fmt.percent(BigDecimal.valueOf(probability));
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

    /** The survival advice for an isolated position numbered {@code number}, or for the pool. */
    public static String survivalLine(SurvivalPlan plan, int number) {
        return NoticeText.survivalLine(plan, number);
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
