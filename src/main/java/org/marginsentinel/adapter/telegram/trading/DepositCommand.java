package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.NumberName;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.alert.OrderStandings;

@ApplicationScoped
public class DepositCommand implements ChatCommand {

    @Inject
    PaperTrading trading;

    @Inject
    OrderStandings standings;

    @Override
    public CommandSpec spec() {
        return CommandTable.DEPOSIT;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().size() != 1) {
            throw new CommandRejected(context.texts().get("refusals.deposit.arguments.refused"));
        }
        BigDecimal amount = Arguments.positiveNumber(context.args().get(0), NumberName.AMOUNT);
        AccountSnapshot after = trading.deposit(context.userId(), amount);
        Numbers n = context.texts().numbers();
        return BotReply.html(context.texts().get("deposit.done", n.usdt(amount), n.usdt(after.risk().walletBalance()),
                n.usdt(after.risk().cross().availableBalance()))
                + poolLine(standings.ofPool(context.userId(), after), context.texts()));
    }

    /** With cross positions open, where the pool stands now (a deposit re-bases its warnings). */
    static String poolLine(org.marginsentinel.application.alert.Standing standing, Texts texts) {
        return standing == null ? "" : "\n" + StandingText.of(standing, texts);
    }
}
