package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.format.Html.escape;

import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.StopOrders;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.trigger.StopCheck;
import org.marginsentinel.domain.trigger.StopKind;

/** {@code /sl} and {@code /tp}: {@code <#> <price>} sets or moves the stop, {@code <#> off} removes it. */
abstract class StopCommand {

    BotReply handle(StopOrders orders, StopKind kind, CommandContext context) {
        if (context.args().size() != 2) {
            throw new CommandRejected("Give a position number and a price, like /" + kind.shortLabel()
                    .toLowerCase(Locale.ROOT) + " 1 90000, or off to remove it.");
        }
        String reference = context.args().get(0);
        String value = context.args().get(1);
        if (value.equalsIgnoreCase("off")) {
            StoredPosition position = orders.clear(context.userId(), reference, kind);
            return BotReply.html("Removed the " + kind.label() + " of #" + position.number() + " "
                    + escape(position.position().symbol()) + ".");
        }
        StopOrders.StopStatus stop = orders.set(context.userId(), reference, kind,
                Arguments.positiveNumber(value, kind.label() + " price"));
        StoredPosition position = stop.position();
        StringBuilder text = new StringBuilder(kind == StopKind.STOP_LOSS ? "🛑 " : "🎯 ")
                .append(bold(kind.label() + " set")).append(" · #").append(position.number()).append(' ')
                .append(escape(position.position().symbol() + " " + position.position().side().name()))
                .append(" at ").append(Fmt.price(stop.price()))
                .append("\nWhen the mark gets there, the whole position closes at the mark with the taker fee.");
        if (StopViews.flagged(stop)) {
            text.append("\n⚠️ ").append(bold("This " + kind.label() + " " + StopViews.flag(stop))).append('.');
            text.append(stop.verdict() == StopCheck.Verdict.NEVER_FIRES
                    ? " Move it closer than the liquidation price, or add margin."
                    : " Move it further from the entry.");
        }
        return BotReply.html(text.toString());
    }
}
