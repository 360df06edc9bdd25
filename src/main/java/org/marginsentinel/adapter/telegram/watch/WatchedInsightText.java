package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.watch.WatchedInsights;
import org.marginsentinel.application.watch.WatchedInsights.ForAccount;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.PoolStress;
import org.marginsentinel.domain.insight.PositionStress;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;

/**
 * The watched accounts' sections of {@code /stress}, {@code /compare} and {@code /whatif}: one per account, under
 * its own heading as a real account, by Hyperliquid's rules, in USDC, after the paper account's part. Empty when
 * there is nothing to show. For private chats only.
 */
public final class WatchedInsightText {

    private WatchedInsightText() {
    }

    public static String stress(List<ForAccount<StressReport>> reports) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<StressReport> forAccount : reports) {
            StressReport report = forAccount.result();
            text.append("\n\n").append(heading(forAccount));
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
                        .append(" · PnL ").append(usdc(Fmt.signedMoney(stress.pnlChange()) + " USDT"));
                if (position.isIsolated()) {
                    text.append(stress.liquidated() ? " · ⛔ liquidated, its " + usdc(Fmt.usdt(position.isolatedMargin()))
                            + " margin lost" : " · ✅ survives")
                            .append(stress.survives().map(m -> " (up to " + Fmt.percent(m) + " against it)")
                                    .orElse(" (no price liquidates it)"));
                }
            }
            PoolStress pool = report.pool();
            if (pool.hasPositions()) {
                text.append("\nCross: margin balance ").append(usdc(Fmt.usdt(pool.marginBalanceBefore())))
                        .append(" → ").append(usdc(Fmt.usdt(pool.marginBalanceAfter())))
                        .append(pool.liquidated() ? " · ⛔ liquidated: the whole cross account, "
                                + usdc(Fmt.usdt(pool.walletLost())) : " · ✅ survives (margin ratio "
                                + Fmt.percent(pool.marginRatioAfter()) + ")")
                        .append(pool.survives().map(m -> " · survives up to " + Fmt.percent(m)).orElse(""));
            }
            text.append('\n').append(bold("Total " + usdc(Fmt.signedMoney(report.loss().negate()) + " USDT")))
                    .append(" · equity ").append(usdc(Fmt.usdt(report.equityBefore()))).append(" → ")
                    .append(usdc(Fmt.usdt(report.equityAfter())))
                    .append(report.liquidations() == 0 ? " · nothing liquidated" : " · " + report.liquidations()
                            + (report.liquidations() == 1 ? " liquidation" : " liquidations"));
        }
        return text.isEmpty() ? "" : text.append(footnote()).toString();
    }

    public static String compare(List<ForAccount<ModeComparison>> comparisons) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<ModeComparison> forAccount : comparisons) {
            ModeComparison comparison = forAccount.result();
            text.append("\n\n").append(heading(forAccount));
            for (ModeComparison.Row row : comparison.rows()) {
                Position position = row.position();
                text.append("\n• ").append(bold(Html.escape(position.symbol()) + " " + position.side().name()))
                        .append(' ').append(Fmt.quantity(position.quantity())).append(' ').append(position.leverage())
                        .append("x · now ").append(position.marginMode().label()).append(" · mark ")
                        .append(Fmt.price(row.markPrice()))
                        .append("\n  🔒 isolated (").append(usdc(Fmt.usdt(row.isolatedMargin()))).append(" margin): ")
                        .append(liquidation(row.liquidationIsolated(), row.distanceIsolated()))
                        .append("\n  🌊 cross (whole cross account): ")
                        .append(liquidation(row.liquidationCross(), row.distanceCross()))
                        .append(" (if other marks stay)");
            }
            text.append("\nWorst case: isolated ").append(usdc(Fmt.signedMoney(comparison.isolatedWorstCase().negate())
                            + " USDT")).append(" · cross ")
                    .append(usdc(Fmt.signedMoney(comparison.crossWorstCase().negate()) + " USDT"));
        }
        return text.isEmpty() ? "" : text.append(footnote()).toString();
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
            Position resulting = whatIf.resulting();
            if (resulting == null) {
                text.append("the ").append(Html.escape(whatIf.coin())).append(" position would be closed.");
            } else {
                PositionRisk risk = whatIf.risk();
                text.append(resulting.side().name()).append(' ').append(Fmt.quantity(resulting.quantity())).append(' ')
                        .append(Html.escape(whatIf.coin())).append(" · ").append(resulting.marginMode().label())
                        .append(' ').append(resulting.leverage()).append("x · entry ")
                        .append(Fmt.price(resulting.entryPrice())).append("\nLiquidation price: ")
                        .append(risk.liquidationPrice() == null ? "none, no price can liquidate it"
                                : bold(Fmt.price(risk.liquidationPrice())) + " (" + Fmt.percent(
                                risk.distanceToLiquidation()) + " away" + (resulting.isIsolated() ? ""
                                : ", if other marks stay") + ")");
            }
            CrossAccountRisk before = whatIf.before().cross();
            CrossAccountRisk after = whatIf.after().cross();
            text.append("\nCross margin ratio: ").append(ratio(before)).append(" → ").append(bold(ratio(after)))
                    .append(" · available ").append(usdc(Fmt.usdt(before.availableBalance()))).append(" → ")
                    .append(usdc(Fmt.usdt(after.availableBalance())));
        }
        return text.isEmpty() ? "" : text.append("\n<i>By Hyperliquid's rules, fees not counted; nothing was placed: "
                + "the bot only watches.</i>").toString();
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
