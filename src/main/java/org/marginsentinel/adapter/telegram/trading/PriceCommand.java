package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.port.MarkPrice;
import org.marginsentinel.application.port.MarkPrices;

@ApplicationScoped
public class PriceCommand implements ChatCommand {

    @Inject
    MarkPrices prices;

    @Inject
    Clock clock;

    @Override
    public CommandSpec spec() {
        return CommandTable.PRICE;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().size() != 1) {
            throw new CommandRejected(context.texts().get("refusals.price.arguments.refused"));
        }
        String symbol = Arguments.symbol(context.args().get(0));
        SymbolSuggestions.askIfNearMiss(prices, context.args(), 0, symbol, context.texts());
        MarkPrice mark = prices.latest(symbol).orElseThrow(() -> prices.isKnownSymbol(symbol)
                ? new CommandRejected(context.texts().get("refusals.price.noMark.refused", symbol))
                : new CommandRejected(context.texts().get("refusals.symbol.unknown.refused", symbol)));
        long seconds = Math.max(0, Duration.between(mark.observedAt(), clock.instant()).toSeconds());
        return BotReply.html(context.texts().get("price.mark", Html.escape(symbol),
                context.texts().numbers().price(symbol, mark.price()), Html.escape(mark.source()),
                String.valueOf(seconds)));
    }
}
