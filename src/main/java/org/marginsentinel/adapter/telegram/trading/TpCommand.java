package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.application.StopOrders;
import org.marginsentinel.domain.trigger.StopKind;

@ApplicationScoped
public class TpCommand extends StopCommand implements ChatCommand {

    @Inject
    StopOrders orders;

    @Override
    public CommandSpec spec() {
        return CommandTable.TP;
    }

    @Override
    public BotReply handle(CommandContext context) {
        return handle(orders, StopKind.TAKE_PROFIT, context);
    }
}
