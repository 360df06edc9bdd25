package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.PaperTrading;

@ApplicationScoped
public class StartCommand implements ChatCommand {

    @Inject
    PaperTrading trading;

    @Override
    public CommandSpec spec() {
        return CommandTable.START;
    }

    @Override
    public BotReply handle(CommandContext context) {
        String name = context.userDisplayName().isBlank() ? "trader" : context.userDisplayName();
        PaperTrading.StartResult result = trading.start(context.userId(), Text.prefix(name, 64));
        if (!result.created() && context.privateChat() && !context.args().isEmpty()) {
            // Opened through a deep link from a group (t.me/<bot>?start=…): this chat is now reachable.
            return BotReply.html("✅ Our private chat is open: warnings about your positions come here from now on. "
                    + "/risk shows where you stand.");
        }
        if (!result.created()) {
            return BotReply.html("You already have a paper account. /balance shows it, /help lists every command.");
        }
        return BotReply.html("👋 Welcome, " + Html.escape(name) + "! Your paper futures account holds "
                + Html.bold(Fmt.usdt(PaperTrading.STARTING_BALANCE)) + ".\n"
                + "Record positions here and I watch their mark prices and warn you before a liquidation.\n"
                + "Start with /long BTC 0.01, read /learn on isolated vs cross, or see /help.");
    }
}
