package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.NumberName;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.StopOrders;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.trigger.StopCheck;
import org.marginsentinel.domain.trigger.StopKind;

/** {@code /sl} and {@code /tp}: {@code <#> <price>} sets or moves the stop, {@code <#> off} removes it. */
abstract class StopCommand {

    BotReply handle(StopOrders orders, StopKind kind, CommandContext context) {
        if (context.args().size() != 2) {
            throw new CommandRejected(context.texts().get("refusals.stop.arguments.refused", kind.shortLabel().toLowerCase(Locale.ROOT)));
        }
        String reference = context.args().get(0);
        String value = context.args().get(1);
        Texts texts = context.texts();
        if (value.equalsIgnoreCase("off")) {
            StoredPosition position = orders.clear(context.userId(), reference, kind);
            return BotReply.html(texts.get("stop.removed", StopViews.label(kind, texts), String.valueOf(position.number()),
                    escape(position.position().symbol())));
        }
        StopOrders.StopStatus stop = orders.set(context.userId(), reference, kind,
                Arguments.positiveNumber(value, kind == StopKind.STOP_LOSS ? NumberName.STOP_LOSS_PRICE
                        : NumberName.TAKE_PROFIT_PRICE));
        StoredPosition position = stop.position();
        String symbol = position.position().symbol();
        StringBuilder text = new StringBuilder(texts.get("stop.set", StopViews.icon(kind), StopViews.label(kind, texts),
                String.valueOf(position.number()), escape(symbol), TradingViews.side(position.position(), texts),
                texts.numbers().price(symbol, stop.price())));
        if (StopViews.flagged(stop)) {
            text.append('\n').append(texts.get(stop.verdict() == StopCheck.Verdict.NEVER_FIRES
                    ? "stop.flagged.neverFires" : "stop.flagged.losesAfterFees", StopViews.label(kind, texts),
                    StopViews.flag(stop, texts)));
        }
        return BotReply.html(text.toString());
    }
}
