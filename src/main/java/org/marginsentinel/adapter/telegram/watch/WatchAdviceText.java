package org.marginsentinel.adapter.telegram.watch;

import java.math.BigDecimal;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.WatchAdvice;
import org.marginsentinel.domain.alert.RecommendedAction;

/**
 * The odds and the one recommended action of a watched account's warning, worded for a real account: amounts in
 * USDC, done on Hyperliquid (the bot has no key), and a button that opens the exchange rather than acts.
 */
final class WatchAdviceText {

    static final String TRADE_URL = "https://app.hyperliquid.xyz/trade/";

    private WatchAdviceText() {
    }

    /** The odds line (when known) and the recommendation, each on its own line, starting with a line break. */
    static String lines(WatchAdvice.Advice advice, boolean pool, Texts texts) {
        StringBuilder text = new StringBuilder();
        if (advice.odds() != null) {
            text.append('\n').append(texts.get(advice.oddsTriggered() ? "watch.advice.oddsAlert" : "watch.advice.odds",
                    Html.escape(texts.numbers().percent(advice.odds()))));
        }
        RecommendedAction action = advice.recommended();
        if (action == null) {
            return text.append('\n').append(texts.get(pool ? "watch.advice.poolNone" : "watch.advice.positionNone"))
                    .toString();
        }
        String goal = texts.get(action.survivesLikelyMove() ? "watch.advice.goalSurvives" : "watch.advice.goal");
        String what = Html.escape(what(action, pool, texts));
        text.append('\n');
        if (action.kind() == RecommendedAction.Kind.ADD_MARGIN && action.liquidationAfter() != null) {
            return text.append(texts.get("watch.advice.actionLiquidation", what,
                    texts.numbers().price(action.liquidationAfter()), goal)).toString();
        }
        return text.append(texts.get("watch.advice.action", what, goal)).toString();
    }

    /** The button: opens the coin (or Hyperliquid) in the browser, labelled with what to do there. */
    static Button button(WatchAdvice.Advice advice, String coin, Texts texts) {
        RecommendedAction action = advice.recommended();
        String url = coin == null ? TRADE_URL : TRADE_URL + coin;
        String where = coin == null ? texts.get("watch.advice.where") : texts.get("watch.advice.whereCoin", coin);
        return Button.link(action == null ? texts.get("watch.advice.open", where)
                : what(action, coin == null, texts) + " ↗ " + where, url);
    }

    private static String what(RecommendedAction action, boolean pool, Texts texts) {
        return switch (action.kind()) {
            case ADD_MARGIN -> texts.get("watch.advice.addMargin", usdc(action.amount(), texts));
            case DEPOSIT -> texts.get("watch.advice.deposit", usdc(action.amount(), texts));
            case CLOSE -> action.share().compareTo(BigDecimal.ONE) >= 0
                    ? texts.get(pool ? "watch.advice.closeAllPool" : "watch.advice.closeIt")
                    : texts.get(pool ? "watch.advice.closeSharePool" : "watch.advice.closeShare",
                            action.sharePercent().toPlainString());
        };
    }

    private static String usdc(BigDecimal amount, Texts texts) {
        return texts.numbers().usdt(amount).replace("USDT", "USDC");
    }
}
