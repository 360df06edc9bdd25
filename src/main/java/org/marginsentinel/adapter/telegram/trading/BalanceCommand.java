package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;

@ApplicationScoped
public class BalanceCommand implements ChatCommand {

    @Inject
    PaperTrading trading;

    @Override
    public CommandSpec spec() {
        return CommandTable.BALANCE;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (!context.args().isEmpty()) {
            throw new CommandRejected("/balance takes no arguments.");
        }
        return BotReply.html(TradingViews.balance(trading.snapshot(context.userId())));
    }
}
