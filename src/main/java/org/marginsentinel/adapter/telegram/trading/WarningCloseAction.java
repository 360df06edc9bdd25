package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.port.StoredPosition;

/**
 * The confirmed close of a warning's "Close 25/50/100%" button: that share of the warned isolated position, or of
 * every cross position of the warned pool, at the mark.
 */
@ApplicationScoped
public class WarningCloseAction implements ConfirmableAction {

    static final String KEY = "warning-close";

    @Inject
    PaperTrading trading;

    @Inject
    OrderStandings standings;

    @Override
    public String key() {
        return KEY;
    }

    /** {@code <percent>|<ticket payload>}. */
    static String payload(WarningTicket ticket, int percent) {
        return percent + "|" + ticket.payload();
    }

    @Override
    public BotReply confirmed(CommandContext context, String payload) {
        int bar = payload.indexOf('|');
        int percent = Integer.parseInt(payload.substring(0, bar));
        WarningTicket ticket = WarningTicket.parse(payload.substring(bar + 1));
        Portion portion = percent == 100 ? Portion.ALL : Portion.percent(BigDecimal.valueOf(percent));
        AccountSnapshot snapshot = trading.snapshot(context.userId());
        if (!ticket.forPool()) {
            StoredPosition position = stillOpen(snapshot, ticket);
            TradeResult result = trading.close(context.userId(), String.valueOf(position.number()), portion);
            return CloseCommand.done(result, standings, context.userId(), context.texts());
        }
        List<StoredPosition> cross = crossPositions(snapshot);
        Texts texts = context.texts();
        Numbers n = texts.numbers();
        StringBuilder text = new StringBuilder(percent == 100 ? texts.get("notice.press.closedEvery")
                : texts.get("notice.press.closedShareOfEvery", String.valueOf(percent)));
        AccountSnapshot after = snapshot;
        for (StoredPosition position : cross) {
            String symbol = position.position().symbol();
            if (!trading.closable(position, portion)) {
                // One tiny position must not block the rest of an emergency close: it stays open, and the reply says so.
                text.append('\n').append(texts.get("notice.press.shareTooSmall", String.valueOf(position.number()),
                        Html.escape(symbol), String.valueOf(percent)));
                continue;
            }
            TradeResult result = trading.close(context.userId(), String.valueOf(position.number()), portion);
            text.append('\n').append(texts.get("notice.press.closedLine", String.valueOf(position.number()),
                    Html.escape(symbol), n.quantity(symbol, result.closedQuantity()), n.price(symbol, result.price()),
                    n.signedMoney(result.realizedPnl()))).append(TradingViews.closedFigures(result, texts));
            after = result.after();
        }
        text.append('\n').append(texts.get("notice.press.wallet", n.usdt(after.risk().walletBalance())))
                .append(DepositCommand.poolLine(standings.ofPool(context.userId(), after), texts));
        return BotReply.html(text.toString());
    }

    /** The warned position, if it is still the open one with that number (numbers are reused after a close). */
    static StoredPosition stillOpen(AccountSnapshot snapshot, WarningTicket ticket) {
        return snapshot.byNumber(ticket.positionNumber())
                .filter(p -> String.valueOf(p.id()).equals(ticket.positionId()))
                .orElseThrow(() -> CommandRejected.text("refusals.warning.positionGone.refused", String.valueOf(ticket.positionNumber())));
    }

    static List<StoredPosition> crossPositions(AccountSnapshot snapshot) {
        List<StoredPosition> cross = snapshot.positions().stream().filter(p -> !p.position().isIsolated()).toList();
        if (cross.isEmpty()) {
            throw CommandRejected.text("refusals.warning.noCross.refused");
        }
        return cross;
    }
}
