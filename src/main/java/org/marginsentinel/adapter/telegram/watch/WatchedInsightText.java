package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.watch.WatchedInsights;
import org.marginsentinel.application.watch.WatchedInsights.ForAccount;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.PoolStress;
import org.marginsentinel.domain.insight.PositionStress;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * The watched accounts' sections of {@code /stress}, {@code /compare} and {@code /whatif}: one per account, under
 * its own heading as a real account, by Hyperliquid's rules, in USDC, after the paper account's part. Empty when
 * there is nothing to show. For private chats only. The bodies serve keyed accounts too ({@link KeyedInsightText}).
 */
public final class WatchedInsightText {

    private WatchedInsightText() {
    }

    public static String stress(List<ForAccount<StressReport>> reports) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<StressReport> forAccount : reports) {
            text.append("\n\n").append(heading(forAccount));
            stressBody(text, forAccount.result(), WatchedInsightText::usdc);
        }
        return text.isEmpty() ? "" : text.append(footnote()).toString();
    }

    /** One account's stress test under its heading; {@code money} names the account's currency. */
    static void stressBody(StringBuilder text, StressReport report, UnaryOperator<String> money) {
        for (PositionStress stress : report.positions()) {
            Position position = stress.position();
            text.append("\n• ").append(bold(Html.escape(position.symbol()) + " " + position.side().name()))
                    .append(' ').append(position.marginMode().label()).append(' ').append(position.leverage())
                    .append("x · ");
            if (!stress.shocked()) {
                text.append("not moved");
                continue;
            }
            text.append(Fmt.price(stress.markBefore())).append(" → ").append(Fmt.price(stress.markAfter()))
                    .append(" · PnL ").append(money.apply(Fmt.signedMoney(stress.pnlChange()) + " USDT"));
            if (position.isIsolated()) {
                text.append(stress.liquidated() ? " · ⛔ liquidated, its "
                                + money.apply(Fmt.usdt(position.isolatedMargin())) + " margin lost" : " · ✅ survives")
                        .append(stress.survives().map(m -> " (up to " + Fmt.percent(m) + " against it)")
                                .orElse(" (no price liquidates it)"));
            }
        }
        PoolStress pool = report.pool();
        if (pool.hasPositions()) {
            text.append("\nCross: margin balance ").append(money.apply(Fmt.usdt(pool.marginBalanceBefore())))
                    .append(" → ").append(money.apply(Fmt.usdt(pool.marginBalanceAfter())))
                    .append(pool.liquidated() ? " · ⛔ liquidated: the whole cross account, "
                            + money.apply(Fmt.usdt(pool.walletLost())) : " · ✅ survives (margin ratio "
                            + Fmt.percent(pool.marginRatioAfter()) + ")")
                    .append(pool.survives().map(m -> " · survives up to " + Fmt.percent(m)).orElse(""));
        }
        text.append('\n').append(bold("Total " + money.apply(Fmt.signedMoney(report.loss().negate()) + " USDT")))
                .append(" · equity ").append(money.apply(Fmt.usdt(report.equityBefore()))).append(" → ")
                .append(money.apply(Fmt.usdt(report.equityAfter())))
                .append(report.liquidations() == 0 ? " · nothing liquidated" : " · " + report.liquidations()
                        + (report.liquidations() == 1 ? " liquidation" : " liquidations"));
    }

    public static String compare(List<ForAccount<ModeComparison>> comparisons) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<ModeComparison> forAccount : comparisons) {
            text.append("\n\n").append(heading(forAccount));
            compareBody(text, forAccount.result(), WatchedInsightText::usdc);
        }
        return text.isEmpty() ? "" : text.append(footnote()).toString();
    }

    /** One account's mode comparison under its heading; {@code money} names the account's currency. */
    static void compareBody(StringBuilder text, ModeComparison comparison, UnaryOperator<String> money) {
        for (ModeComparison.Row row : comparison.rows()) {
            Position position = row.position();
            text.append("\n• ").append(bold(Html.escape(position.symbol()) + " " + position.side().name()))
                    .append(' ').append(Fmt.quantity(position.quantity())).append(' ').append(position.leverage())
                    .append("x · now ").append(position.marginMode().label()).append(" · mark ")
                    .append(Fmt.price(row.markPrice()))
                    .append("\n  🔒 isolated (").append(money.apply(Fmt.usdt(row.isolatedMargin()))).append(" margin): ")
                    .append(liquidation(row.liquidationIsolated(), row.distanceIsolated()))
                    .append("\n  🌊 cross (whole cross account): ")
                    .append(liquidation(row.liquidationCross(), row.distanceCross()))
                    .append(" (if other marks stay)");
        }
        text.append("\nWorst case: isolated ")
                .append(money.apply(Fmt.signedMoney(comparison.isolatedWorstCase().negate()) + " USDT"))
                .append(" · cross ").append(money.apply(Fmt.signedMoney(comparison.crossWorstCase().negate()) + " USDT"));
    }

    public static String whatIf(List<ForAccount<WatchedInsights.WhatIf>> answers) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<WatchedInsights.WhatIf> forAccount : answers) {
            WatchedInsights.WhatIf whatIf = forAccount.result();
            text.append("\n\n").append(heading(forAccount)).append("\nThe same order there");
            if (whatIf.refusal() != null) {
                text.append(": not imagined, ").append(Html.escape(whatIf.refusal())).append('.');
                continue;
            }
            text.append(" at Hyperliquid's ").append(Fmt.price(whatIf.fillPrice())).append(": ");
            whatIfBody(text, whatIf.coin(), whatIf.resulting(), whatIf.risk(), whatIf.before(), whatIf.after(),
                    WatchedInsightText::usdc);
        }
        return text.isEmpty() ? "" : text.append("\n<i>By Hyperliquid's rules, fees not counted; nothing was placed: "
                + "the bot only watches.</i>").toString();
    }

    /** The imagined order's position and the cross pool before and after; {@code money} names the currency. */
    static void whatIfBody(StringBuilder text, String symbol, Position resulting, PositionRisk risk,
                           AccountRisk before, AccountRisk after, UnaryOperator<String> money) {
        if (resulting == null) {
            text.append("the ").append(Html.escape(symbol)).append(" position would be closed.");
        } else {
            text.append(resulting.side().name()).append(' ').append(Fmt.quantity(resulting.quantity())).append(' ')
                    .append(Html.escape(symbol)).append(" · ").append(resulting.marginMode().label())
                    .append(' ').append(resulting.leverage()).append("x · entry ")
                    .append(Fmt.price(resulting.entryPrice())).append("\nLiquidation price: ")
                    .append(risk.liquidationPrice() == null ? "none, no price can liquidate it"
                            : bold(Fmt.price(risk.liquidationPrice())) + " (" + Fmt.percent(
                            risk.distanceToLiquidation()) + " away" + (resulting.isIsolated() ? ""
                            : ", if other marks stay") + ")");
        }
        text.append("\nCross margin ratio: ").append(ratio(before.cross())).append(" → ")
                .append(bold(ratio(after.cross()))).append(" · available ")
                .append(money.apply(Fmt.usdt(before.cross().availableBalance()))).append(" → ")
                .append(money.apply(Fmt.usdt(after.cross().availableBalance())));
    }

    private static String heading(ForAccount<?> forAccount) {
        return bold("👁 Hyperliquid #" + forAccount.number() + " " + forAccount.account().address().shortForm()
                + " (real)") + " · watched read-only, by Hyperliquid's rules";
    }

    private static String footnote() {
        return "\n<i>Real accounts at Hyperliquid's marks, kept apart from the paper ledger; fees not counted.</i>";
    }

    private static String liquidation(BigDecimal price, BigDecimal distance) {
        return price == null ? "no liquidation price" : "liq. " + Fmt.price(price) + " · " + Fmt.percent(distance)
                + " away";
    }

    private static String ratio(CrossAccountRisk pool) {
        return pool.marginRatio() == null ? "over 100%" : Fmt.percent(pool.marginRatio());
    }

    private static String usdc(String usdtText) {
        return usdtText.replace("USDT", "USDC");
    }
}
