package org.marginsentinel.adapter.telegram.views;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.insight.AccountInsights;
import org.marginsentinel.application.insight.PositionInsight;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.OddsEstimate;
import org.marginsentinel.domain.insight.PoolDistance;

/**
 * Short Telegram HTML for odds, volatility and survival advice, shared by commands and warnings, in the reader's
 * language. Pure.
 */
public final class InsightViews {

    private InsightViews() {
    }

    /** "🎲 24 h odds of liquidation 3.51% · 2.1 daily σ away (σ 5.00%/day)", or empty when nothing is known. */
    public static String oddsLine(PositionInsight insight, Texts texts) {
        if (insight.volatility() == null) {
            return "";
        }
        String sigma = volatility(insight.volatility(), texts);
        if (insight.odds() == null) {
            return texts.get("odds.noLiquidationPrice", sigma);
        }
        return texts.get("odds.line", probability(insight.odds().probability(), texts), volUnits(insight.odds(), texts),
                sigma);
    }

    /** The cross pool's survivable move and its odds (see {@link PoolDistanceText#line}); empty without one. */
    public static String poolDistanceLine(PoolDistance distance, Texts texts) {
        return PoolDistanceText.line(distance, texts);
    }

    /** A probability for humans: "3.51%", "under 0.01%", "100%". */
    public static String probability(double probability, Texts texts) {
        return PoolDistanceText.probability(probability, texts);
    }

    /** The distance in daily-volatility units: "2.1 daily σ away". */
    public static String volUnits(OddsEstimate odds, Texts texts) {
        if (odds.probability() >= 1) {
            return texts.get("odds.atLiquidationPrice");
        }
        if (Double.isInfinite(odds.volUnits()) || Double.isNaN(odds.volUnits())) {
            return texts.get("odds.noVolatilityMeasured");
        }
        BigDecimal units = BigDecimal.valueOf(odds.volUnits()).setScale(1, RoundingMode.HALF_UP);
        char separator = texts.numbers().money(BigDecimal.ZERO).charAt(1); // "0.00" or "0,00"
        return texts.get("odds.volUnits", units.toPlainString().replace('.', separator));
    }

    public static String volatility(DailyVolatility volatility, Texts texts) {
        return texts.numbers().percent(BigDecimal.valueOf(volatility.daily()));
    }

    /**
     * "To survive the 24 h move with a 5% chance …": margin to add for an isolated position ({@code number} is its
     * position number), or a deposit / share to close for the pool.
     */
    public static String survivalLine(SurvivalPlan plan, int number, Texts texts) {
        Numbers n = texts.numbers();
        if (plan.forPool()) {
            String deposit = n.usdt(roundedUp(plan.depositNeeded()));
            return plan.shareToClose() == null ? texts.get("survival.pool", deposit)
                    : texts.get("survival.poolOrClose", deposit, percentRoundedUp(plan.shareToClose()));
        }
        return texts.get("survival.isolated", n.percent(plan.move()), n.usdt(roundedUp(plan.marginToAdd())),
                String.valueOf(number), plan.marginToAdd().setScale(0, RoundingMode.UP).toPlainString());
    }

    private static BigDecimal roundedUp(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UP);
    }

    /** A share for humans, rounded up to a whole percent: "34%". */
    public static String percentRoundedUp(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(0, RoundingMode.UP).toPlainString() + "%";
    }

    /** "ℹ️ No volatility for XYZUSDT right now: no odds." when candles were missing; else empty. */
    public static String volatilityNote(AccountInsights insights, Texts texts) {
        if (insights.symbolsWithoutVolatility().isEmpty()) {
            return "";
        }
        return "\n" + texts.get("odds.noVolatilityFor", Html.escape(String.join(", ",
                insights.symbolsWithoutVolatility().stream().sorted().toList())));
    }
}
