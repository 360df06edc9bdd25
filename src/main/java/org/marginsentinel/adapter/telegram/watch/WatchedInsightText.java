package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
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
 * its own heading as a real account, by Hyperliquid's rules, in USDC, after the paper account's part, in the
 * reader's language. Empty when there is nothing to show. For private chats only. The bodies serve keyed accounts
 * too ({@link KeyedInsightText}).
 */
public final class WatchedInsightText {

    private WatchedInsightText() {
    }

    /** Amounts in an account's currency (USDC at Hyperliquid, USDT elsewhere), in the reader's number style. */
    record Money(Numbers numbers, String unit) {

        static Money usdc(Texts texts) {
            return new Money(texts.numbers(), "USDC");
        }

        static Money usdt(Texts texts) {
            return new Money(texts.numbers(), "USDT");
        }

        String of(BigDecimal amount) {
            return numbers.usdt(amount).replace("USDT", unit);
        }

        String signed(BigDecimal amount) {
            return numbers.signedMoney(amount) + " " + unit;
        }
    }

    public static String stress(List<ForAccount<StressReport>> reports, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<StressReport> forAccount : reports) {
            text.append("\n\n").append(heading(forAccount, texts));
            stressBody(text, forAccount.result(), Money.usdc(texts), texts);
        }
        return text.isEmpty() ? "" : text.append('\n').append(texts.get("watch.insight.footnote")).toString();
    }

    /** One account's stress test under its heading, amounts in {@code money}'s currency. */
    static void stressBody(StringBuilder text, StressReport report, Money money, Texts texts) {
        Numbers n = texts.numbers();
        for (PositionStress stress : report.positions()) {
            Position position = stress.position();
            String moved = !stress.shocked() ? texts.get("watch.stress.notMoved")
                    : texts.get("watch.stress.moved", n.price(stress.markBefore()), n.price(stress.markAfter()),
                    money.signed(stress.pnlChange()));
            text.append('\n').append(texts.get("watch.stress.position", escape(position.symbol()),
                    texts.side(position.side()), WatchedLevels.mode(position.marginMode(), texts),
                    String.valueOf(position.leverage()), moved));
            if (stress.shocked() && position.isIsolated()) {
                text.append(" · ").append(stress.liquidated()
                                ? texts.get("watch.stress.liquidated", money.of(position.isolatedMargin()))
                                : texts.get("watch.stress.survives"))
                        .append(' ').append(stress.survives()
                                .map(m -> texts.get("watch.stress.survivesUpTo", n.percent(m)))
                                .orElseGet(() -> texts.get("watch.stress.noPriceLiquidates")));
            }
        }
        PoolStress pool = report.pool();
        if (pool.hasPositions()) {
            text.append('\n').append(texts.get("watch.stress.pool", money.of(pool.marginBalanceBefore()),
                            money.of(pool.marginBalanceAfter())))
                    .append(" · ").append(pool.liquidated()
                            ? texts.get("watch.stress.pool.liquidated", money.of(pool.walletLost()))
                            : texts.get("watch.stress.pool.survives", n.percent(pool.marginRatioAfter())))
                    .append(pool.survives().map(m -> " · " + texts.get("watch.stress.pool.survivesUpTo", n.percent(m)))
                            .orElse(""));
        }
        long liquidations = report.liquidations();
        text.append('\n').append(texts.get("watch.stress.total", money.signed(report.loss().negate()),
                        money.of(report.equityBefore()), money.of(report.equityAfter())))
                .append(" · ").append(liquidations == 0 ? texts.get("watch.stress.noLiquidation")
                        : texts.get(liquidations == 1 ? "watch.stress.liquidations.one" : "watch.stress.liquidations.many",
                        n.count(liquidations)));
    }

    public static String compare(List<ForAccount<ModeComparison>> comparisons, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<ModeComparison> forAccount : comparisons) {
            text.append("\n\n").append(heading(forAccount, texts));
            compareBody(text, forAccount.result(), Money.usdc(texts), texts);
        }
        return text.isEmpty() ? "" : text.append('\n').append(texts.get("watch.insight.footnote")).toString();
    }

    /** One account's mode comparison under its heading, amounts in {@code money}'s currency. */
    static void compareBody(StringBuilder text, ModeComparison comparison, Money money, Texts texts) {
        Numbers n = texts.numbers();
        for (ModeComparison.Row row : comparison.rows()) {
            Position position = row.position();
            text.append('\n').append(texts.get("watch.compare.row", escape(position.symbol()),
                            texts.side(position.side()), n.quantity(position.quantity()),
                            String.valueOf(position.leverage()), WatchedLevels.mode(position.marginMode(), texts),
                            n.price(row.markPrice())))
                    .append("\n  ").append(texts.get("watch.compare.isolated", money.of(row.isolatedMargin()),
                            liquidation(row.liquidationIsolated(), row.distanceIsolated(), texts)))
                    .append("\n  ").append(texts.get("watch.compare.cross",
                            liquidation(row.liquidationCross(), row.distanceCross(), texts)));
        }
        text.append('\n').append(texts.get("watch.compare.worstCase",
                money.signed(comparison.isolatedWorstCase().negate()), money.signed(comparison.crossWorstCase().negate())));
    }

    public static String whatIf(List<ForAccount<WatchedInsights.WhatIf>> answers, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<WatchedInsights.WhatIf> forAccount : answers) {
            WatchedInsights.WhatIf whatIf = forAccount.result();
            text.append("\n\n").append(heading(forAccount, texts)).append('\n');
            if (whatIf.refused() != null) {
                text.append(texts.get("watch.whatIf.notImagined", WatchedWhatIfRefusalText.of(whatIf.refused(), texts)));
                continue;
            }
            text.append(texts.get("watch.whatIf.at", texts.numbers().price(whatIf.fillPrice()))).append(' ');
            whatIfBody(text, whatIf.coin(), whatIf.resulting(), whatIf.risk(), whatIf.before(), whatIf.after(),
                    Money.usdc(texts), texts);
        }
        return text.isEmpty() ? "" : text.append('\n').append(texts.get("watch.whatIf.footnote")).toString();
    }

    /** The imagined order's position and the cross pool before and after, amounts in {@code money}'s currency. */
    static void whatIfBody(StringBuilder text, String symbol, Position resulting, PositionRisk risk,
                           AccountRisk before, AccountRisk after, Money money, Texts texts) {
        Numbers n = texts.numbers();
        if (resulting == null) {
            text.append(texts.get("watch.whatIf.closed", escape(symbol)));
        } else {
            text.append(texts.get("watch.whatIf.position", texts.side(resulting.side()),
                            n.quantity(resulting.quantity()), escape(symbol),
                            WatchedLevels.mode(resulting.marginMode(), texts), String.valueOf(resulting.leverage()),
                            n.price(resulting.entryPrice())))
                    .append('\n').append(risk.liquidationPrice() == null ? texts.get("watch.whatIf.noLiquidation")
                            : texts.get(resulting.isIsolated() ? "watch.whatIf.liquidation.isolated"
                                    : "watch.whatIf.liquidation.cross", n.price(risk.liquidationPrice()),
                            n.percent(risk.distanceToLiquidation())));
        }
        text.append('\n').append(texts.get("watch.whatIf.cross", ratio(before.cross(), texts), ratio(after.cross(), texts),
                money.of(before.cross().availableBalance()), money.of(after.cross().availableBalance())));
    }

    private static String heading(ForAccount<?> forAccount, Texts texts) {
        return texts.get("watch.insight.heading", String.valueOf(forAccount.number()),
                escape(forAccount.account().address().shortForm()));
    }

    private static String liquidation(BigDecimal price, BigDecimal distance, Texts texts) {
        return price == null ? texts.get("watch.compare.noLiquidation")
                : texts.get("watch.compare.liquidation", texts.numbers().price(price), texts.numbers().percent(distance));
    }

    private static String ratio(CrossAccountRisk pool, Texts texts) {
        return pool.marginRatio() == null ? texts.get("watch.risk.ratioOver")
                : texts.numbers().percent(pool.marginRatio());
    }
}
