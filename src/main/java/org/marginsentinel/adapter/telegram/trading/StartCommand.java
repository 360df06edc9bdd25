package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.format.Text;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Texts;
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
        Texts texts = context.texts();
        String name = context.userDisplayName().isBlank() ? texts.get("start.defaultName") : context.userDisplayName();
        PaperTrading.StartResult result = trading.start(context.userId(), Text.prefix(name, 64));
        if (!result.created() && context.privateChat() && !context.args().isEmpty()) {
            // Opened through a deep link from a group (t.me/<bot>?start=…): this chat is now reachable.
            return BotReply.html(texts.get("start.privateChatOpen"));
        }
        if (!result.created()) {
            return BotReply.html(texts.get("start.alreadyStarted"));
        }
        return BotReply.html(texts.get("start.welcome", Html.escape(name),
                texts.numbers().usdt(PaperTrading.STARTING_BALANCE)));
    }
}
