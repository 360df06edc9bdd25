package org.marginsentinel.adapter.telegram.watch;

import java.util.List;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.KeyedInsights;
import org.marginsentinel.application.watch.KeyedInsights.ForAccount;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * The keyed accounts' sections of {@code /stress}, {@code /compare} and {@code /whatif}: one per account, under its
 * own heading as a real account watched with a read-only key, by its exchange's rules at its marks, in USDT, with
 * the same bodies as Hyperliquid accounts ({@link WatchedInsightText}). Empty when there is nothing to show. For
 * private chats only; never shows more of a key than its masked id.
 */
public final class KeyedInsightText {

    private KeyedInsightText() {
    }

    public static String stress(List<ForAccount<StressReport>> reports, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<StressReport> forAccount : reports) {
            text.append("\n\n").append(heading(forAccount, texts));
            WatchedInsightText.stressBody(text, forAccount.result(), WatchedInsightText.Money.usdt(texts), texts);
        }
        return text.isEmpty() ? "" : text.append(footnote(reports, texts)).toString();
    }

    public static String compare(List<ForAccount<ModeComparison>> comparisons, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<ModeComparison> forAccount : comparisons) {
            text.append("\n\n").append(heading(forAccount, texts));
            WatchedInsightText.compareBody(text, forAccount.result(), WatchedInsightText.Money.usdt(texts), texts);
        }
        return text.isEmpty() ? "" : text.append(footnote(comparisons, texts)).toString();
    }

    public static String whatIf(List<ForAccount<KeyedInsights.WhatIf>> answers, Texts texts) {
        StringBuilder text = new StringBuilder();
        for (ForAccount<KeyedInsights.WhatIf> forAccount : answers) {
            KeyedInsights.WhatIf whatIf = forAccount.result();
            String symbol = Html.escape(whatIf.symbol());
            text.append("\n\n").append(heading(forAccount, texts)).append('\n');
            if (whatIf.refusal() != null) {
                text.append(texts.get(switch (whatIf.refusal()) {
                    case NO_MARK -> "watch.keyed.whatIf.noMark";
                    case OTHER_MODE -> "watch.keyed.whatIf.otherMode";
                    case BOTH_SIDES -> "watch.keyed.whatIf.bothSides";
                }, symbol));
                continue;
            }
            String fillPrice = texts.numbers().price(whatIf.fillPrice());
            text.append(whatIf.exchangeMark()
                    ? texts.get("watch.keyed.whatIf.atExchangeMark", exchange(forAccount), fillPrice)
                    : texts.get("watch.keyed.whatIf.atBotMark", fillPrice, symbol)).append(' ');
            WatchedInsightText.whatIfBody(text, whatIf.symbol(), whatIf.resulting(), whatIf.risk(), whatIf.before(),
                    whatIf.after(), WatchedInsightText.Money.usdt(texts), texts);
        }
        return text.isEmpty() ? "" : text.append('\n').append(texts.get("watch.keyed.whatIf.footnote")).toString();
    }

    private static String heading(ForAccount<?> forAccount, Texts texts) {
        return texts.get("watch.keyed.insight.heading", exchange(forAccount), String.valueOf(forAccount.number()),
                Html.escape(forAccount.account().maskedKeyId()));
    }

    /** Bybit values maintenance at entry, the engine at the mark: said once under the accounts it concerns. */
    private static String footnote(List<? extends ForAccount<?>> accounts, Texts texts) {
        boolean bybit = accounts.stream().anyMatch(a -> a.account().exchange() == KeyedExchange.BYBIT);
        return "\n" + texts.get("watch.keyed.insight.footnote")
                + (bybit ? "\n" + texts.get("watch.keyed.insight.bybitAtMark") : "");
    }

    private static String exchange(ForAccount<?> forAccount) {
        return Html.escape(forAccount.account().exchange().displayName());
    }
}
