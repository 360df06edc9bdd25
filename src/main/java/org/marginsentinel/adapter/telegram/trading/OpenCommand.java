package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.OrderArguments;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.PracticeTrading;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.alert.Standing;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.domain.margin.Side;

/** /long and /short: one parser, one use case, the side is the only difference. */
abstract class OpenCommand implements ChatCommand {

    @Inject
    PracticeTrading practice;

    @Inject
    OrderStandings standings;

    private final Side side;
    private final CommandSpec spec;

    OpenCommand(Side side, CommandSpec spec) {
        this.side = side;
        this.spec = spec;
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public BotReply handle(CommandContext context) {
        OpenOrder order = OrderArguments.parse(side, context.args());
        String practiceReason = practice.practiceReason(order).orElse(null);
        TradeResult result = practice.open(context.userId(), order, practiceReason).result();
        StringBuilder text = new StringBuilder();
        if (result.closedQuantity().signum() > 0) {
            text.append("↩️ Closed ").append(Fmt.quantity(result.closedQuantity())).append(" at ")
                    .append(Fmt.price(result.price())).append(", PnL ").append(Fmt.signedMoney(result.realizedPnl()))
                    .append(" USDT.\n");
        }
        if (result.position() == null) {
            text.append("The position is closed. Wallet: ").append(Fmt.usdt(result.after().risk().walletBalance()))
                    .append('.');
        } else {
            Standing standing = standings.afterOrder(context.userId(), result);
            if (StandingText.leads(standing)) {
                text.insert(0, StandingText.of(standing) + "\n");
            }
            text.append(result.closedQuantity().signum() > 0 ? "" : "✅ " + bold("Opened at " + Fmt.price(result.price())) + "\n")
                    .append(TradingViews.position(result.position(), result.risk()))
                    .append("\nAvailable: ").append(Fmt.usdt(result.after().risk().cross().availableBalance()));
            if (!StandingText.leads(standing)) {
                text.append('\n').append(StandingText.of(standing));
            }
        }
        text.append(TradingViews.feeLine(result)).append(TradingViews.practiceNote(practiceReason));
        return BotReply.html(text.toString());
    }
}
