package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.PositionRisk;

/** Closing a whole position asks first; a part closes at once. Both close at the mark. */
@ApplicationScoped
public class CloseCommand implements ChatCommand, ConfirmableAction {

    @Inject
    PaperTrading trading;

    @Inject
    OrderStandings standings;

    @Override
    public String key() {
        return "close";
    }

    @Override
    public CommandSpec spec() {
        return CommandTable.CLOSE;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().isEmpty() || context.args().size() > 2) {
            throw new CommandRejected("Give a position number (see /positions) or a symbol, and optionally how much.");
        }
        String reference = context.args().get(0);
        Portion portion = Portion.ALL;
        if (context.args().size() == 2) {
            String amount = context.args().get(1);
            Optional<BigDecimal> percent = Arguments.percent(amount);
            portion = percent.isPresent() ? Portion.percent(percent.get())
                    : Portion.quantity(Arguments.positiveNumber(amount, "quantity"));
        }
        if (portion.isAll()) {
            AccountSnapshot snapshot = trading.snapshot(context.userId());
            StoredPosition position = findForQuestion(snapshot, reference);
            PositionRisk risk = snapshot.riskOf(position);
            return BotReply.confirm("Close " + Html.bold("#" + position.number() + " " + position.position().symbol() + " "
                    + position.position().side().name() + " " + Fmt.quantity(position.position().quantity()))
                    + " at the mark (now " + Fmt.price(risk.markPrice()) + ", PnL about "
                    + Fmt.signedMoney(risk.unrealizedPnl()) + " USDT)?", key(), String.valueOf(position.number()));
        }
        return done(trading.close(context.userId(), reference, portion), standings, context.userId());
    }

    @Override
    public BotReply confirmed(CommandContext context, String payload) {
        return done(trading.close(context.userId(), payload, Portion.ALL), standings, context.userId());
    }

    private static StoredPosition findForQuestion(AccountSnapshot snapshot, String reference) {
        String ref = reference.startsWith("#") ? reference.substring(1) : reference;
        Optional<StoredPosition> found = ref.matches("\\d{1,9}") ? snapshot.byNumber(Integer.parseInt(ref))
                : org.marginsentinel.domain.market.Symbols.normalize(ref).flatMap(snapshot::bySymbol);
        String named = ref.matches("\\d{1,9}") ? "#" + ref : Arguments.quote(reference);
        return found.orElseThrow(() -> new CommandRejected("You have no open position " + named + ". See /positions."));
    }

    /** The reply to a close; what is left open states where it stands (a partial close re-bases its warnings). */
    static BotReply done(TradeResult result, OrderStandings standings, long userId) {
        StringBuilder text = new StringBuilder("✅ Closed ").append(Fmt.quantity(result.closedQuantity())).append(" at ")
                .append(Fmt.price(result.price())).append(", PnL ").append(Fmt.signedMoney(result.realizedPnl()))
                .append(" USDT.\n");
        if (result.position() != null) {
            text.append("Still open:\n").append(TradingViews.position(result.position(), result.risk())).append('\n')
                    .append(StandingText.of(standings.afterOrder(userId, result))).append('\n');
        }
        text.append("Wallet: ").append(Fmt.usdt(result.after().risk().walletBalance()));
        text.append(TradingViews.feeLine(result));
        return BotReply.html(text.toString());
    }
}
