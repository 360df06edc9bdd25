package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.application.AccountLedger;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;

@ApplicationScoped
public class BalanceCommand implements ChatCommand {

    @Inject
    PaperTrading trading;

    @Inject
    AccountLedger ledger;

    @Override
    public CommandSpec spec() {
        return CommandTable.BALANCE;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (!context.args().isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.command.noArguments.refused", "balance"));
        }
        AccountSnapshot snapshot = trading.snapshot(context.userId());
        return BotReply.html(TradingViews.balance(snapshot, context.texts())
                + TradingViews.paidLines(ledger.totals(context.userId()), context.texts()));
    }
}
