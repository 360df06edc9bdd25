package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.NumberName;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.TradeResult;

@ApplicationScoped
public class MarginCommand implements ChatCommand {

    @Inject
    PaperTrading trading;

    @Inject
    OrderStandings standings;

    @Override
    public CommandSpec spec() {
        return CommandTable.MARGIN;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().size() != 3) {
            throw new CommandRejected(context.texts().get("refusals.margin.arguments.refused"));
        }
        String direction = context.args().get(1).toLowerCase(Locale.ROOT);
        if (!direction.equals("add") && !direction.equals("remove")) {
            throw new CommandRejected(context.texts().get("refusals.margin.direction.refused", Arguments.quote(context.args().get(1), context.texts())));
        }
        BigDecimal amount = Arguments.positiveNumber(context.args().get(2), NumberName.AMOUNT);
        boolean add = direction.equals("add");
        TradeResult result = trading.adjustMargin(context.userId(), context.args().get(0), add, amount);
        Texts texts = context.texts();
        return BotReply.html(texts.get(add ? "margin.added" : "margin.removed", texts.numbers().usdt(amount),
                String.valueOf(result.position().number())) + "\n"
                + TradingViews.position(result.position(), result.risk(), texts) + "\n"
                + StandingText.of(standings.afterOrder(context.userId(), result), texts));
    }
}
