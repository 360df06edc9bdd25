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
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.alert.OrderStandings;

/** Withdrawing everything that can leave asks first: it empties what new positions could use. */
@ApplicationScoped
public class WithdrawCommand implements ChatCommand, ConfirmableAction {

    @Inject
    PaperTrading trading;

    @Inject
    OrderStandings standings;

    @Override
    public String key() {
        return "withdraw";
    }

    @Override
    public CommandSpec spec() {
        return CommandTable.WITHDRAW;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().size() != 1) {
            throw new CommandRejected(context.texts().get("refusals.withdraw.arguments.refused"));
        }
        BigDecimal withdrawable = trading.withdrawable(context.userId());
        String argument = context.args().get(0).toLowerCase(Locale.ROOT);
        BigDecimal amount = argument.equals("all") ? withdrawable : Arguments.positiveNumber(argument, NumberName.AMOUNT);
        if (amount.signum() <= 0) {
            throw new CommandRejected(context.texts().get("refusals.withdraw.nothing.refused"));
        }
        if (amount.compareTo(withdrawable) == 0) {
            return BotReply.confirm(context.texts().get("withdraw.allQuestion", context.texts().numbers().usdt(amount)),
                    key(), amount.toPlainString());
        }
        return done(trading.withdraw(context.userId(), amount), amount, context);
    }

    @Override
    public BotReply confirmed(CommandContext context, String payload) {
        BigDecimal amount = new BigDecimal(payload);
        return done(trading.withdraw(context.userId(), amount), amount, context);
    }

    private BotReply done(AccountSnapshot after, BigDecimal amount, CommandContext context) {
        Texts texts = context.texts();
        Numbers n = texts.numbers();
        return BotReply.html(texts.get("withdraw.done", n.usdt(amount), n.usdt(after.risk().walletBalance()))
                + DepositCommand.poolLine(standings.ofPool(context.userId(), after), texts));
    }
}
