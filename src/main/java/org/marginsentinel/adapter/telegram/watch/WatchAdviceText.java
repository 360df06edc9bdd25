package org.marginsentinel.adapter.telegram.watch;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import java.math.BigDecimal;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.format.Fmt;
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
    static String lines(WatchAdvice.Advice advice, boolean pool) {
        StringBuilder text = new StringBuilder();
        if (advice.odds() != null) {
            text.append("\n🎲 Odds of liquidation within 24 h: ").append(bold(Fmt.percent(advice.odds())))
                    .append(advice.oddsTriggered() ? " (your odds alert)" : "");
        }
        RecommendedAction action = advice.recommended();
        if (action == null) {
            return text.append(pool ? "\n👉 Deposit or reduce cross positions on Hyperliquid: the bot only watches."
                    : "\n👉 Add margin or reduce it on Hyperliquid: the bot only watches.").toString();
        }
        String goal = action.survivesLikelyMove()
                ? "clears your warning level and survives the move with a 5% chance within 24 h"
                : "clears your warning level";
        text.append("\n👉 ").append(bold(what(action, pool))).append(" on Hyperliquid");
        if (action.kind() == RecommendedAction.Kind.ADD_MARGIN && action.liquidationAfter() != null) {
            text.append(" (liquidation to ").append(Fmt.price(action.liquidationAfter())).append(')');
        }
        return text.append(": ").append(goal).append(". The bot only watches: do it on the exchange.").toString();
    }

    /** The button: opens the coin (or Hyperliquid) in the browser, labelled with what to do there. */
    static Button button(WatchAdvice.Advice advice, String coin) {
        RecommendedAction action = advice.recommended();
        String url = coin == null ? TRADE_URL : TRADE_URL + coin;
        String where = coin == null ? "Hyperliquid" : coin + " on Hyperliquid";
        return Button.link(action == null ? "Open " + where : what(action, coin == null) + " ↗ " + where, url);
    }

    private static String what(RecommendedAction action, boolean pool) {
        return switch (action.kind()) {
            case ADD_MARGIN -> "Add " + usdc(action.amount()) + " margin";
            case DEPOSIT -> "Deposit " + usdc(action.amount());
            case CLOSE -> action.share().compareTo(BigDecimal.ONE) >= 0
                    ? (pool ? "Close every cross position" : "Close it")
                    : "Close " + action.sharePercent().toPlainString() + "%" + (pool ? " of every cross position" : "");
        };
    }

    private static String usdc(BigDecimal amount) {
        return Fmt.usdt(amount).replace("USDT", "USDC");
    }
}
