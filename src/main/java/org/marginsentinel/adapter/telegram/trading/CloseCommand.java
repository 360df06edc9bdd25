package org.marginsentinel.adapter.telegram.trading;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.AmbiguousInput;
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
import org.marginsentinel.application.CloseAll;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.LockedPositions;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.market.Symbols;
import org.marginsentinel.domain.paper.TradingFees;

/**
 * Closing a whole position, or all of them, asks first; a part closes at once. All close at the mark. An amount that
 * could be a percentage as well as a quantity ({@code /close 5 25}) is asked about, never assumed.
 */
@ApplicationScoped
public class CloseCommand implements ChatCommand, ConfirmableAction {

    private static final String ALL_PAYLOAD = "all:";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Inject
    PaperTrading trading;

    @Inject
    CloseAll closeAll;

    @Inject
    LockedPositions positions;

    @Inject
    TradingFees fees;

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
        List<String> args = context.args();
        if (args.isEmpty() || args.size() > 3) {
            throw new CommandRejected(context.texts().get("refusals.close.arguments.refused"));
        }
        String reference = args.get(0);
        if (reference.equalsIgnoreCase("all")) {
            if (args.size() > 1) {
                throw new CommandRejected(context.texts().get("refusals.close.allWhole.refused"));
            }
            return askToCloseAll(trading.snapshot(context.userId()), context.texts());
        }
        Portion portion = Portion.ALL;
        if (args.size() >= 2) {
            portion = portion(context, reference, args);
        }
        if (portion.isAll()) {
            AccountSnapshot snapshot = trading.snapshot(context.userId());
            StoredPosition position = findForQuestion(snapshot, reference);
            PositionRisk risk = snapshot.riskOf(position);
            Texts texts = context.texts();
            Numbers n = texts.numbers();
            String symbol = position.position().symbol();
            return BotReply.confirm(texts.get("close.question", String.valueOf(position.number()), symbol,
                    TradingViews.side(position.position(), texts), n.quantity(symbol, position.position().quantity()),
                    n.price(symbol, risk.markPrice()), n.signedMoney(risk.unrealizedPnl())),
                    key(), String.valueOf(position.number()));
        }
        return done(trading.close(context.userId(), reference, portion), standings, context.userId(), context.texts());
    }

    /** {@code 50%}, {@code 0.5}, {@code 25 coins} or {@code 25 DOGE}; a bare {@code 25} that could be 25% is asked about. */
    private Portion portion(CommandContext context, String reference, List<String> args) {
        String amount = args.get(1);
        Optional<BigDecimal> percent = Arguments.percent(amount);
        if (percent.isPresent()) {
            if (args.size() > 2) {
                throw new CommandRejected(context.texts().get("refusals.close.afterPercentage.refused", Arguments.quote(args.get(2), context.texts())));
            }
            return Portion.percent(percent.get());
        }
        BigDecimal quantity = Arguments.positiveNumber(amount, NumberName.QUANTITY);
        StoredPosition position = positions.find(context.userId(), reference).orElseThrow(() ->
                CommandRejected.text("refusals.position.none.refused", named(reference)));
        String base = Symbols.base(position.position().symbol());
        if (args.size() > 2) {
            String unit = args.get(2).toLowerCase(Locale.ROOT);
            if (!unit.equals("coins") && !unit.equals("coin") && !unit.equalsIgnoreCase(base)) {
                throw new CommandRejected(context.texts().get("refusals.close.unit.refused", Arguments.quote(args.get(2), context.texts()), base));
            }
            return Portion.quantity(quantity);
        }
        BigDecimal held = position.position().quantity();
        // Percentages are typed as whole numbers up to 100; such a bare amount is asked about unless both readings agree.
        boolean couldBePercent = quantity.stripTrailingZeros().scale() <= 0 && quantity.compareTo(HUNDRED) <= 0;
        boolean sameEitherWay = quantity.compareTo(held) == 0 && quantity.compareTo(HUNDRED) == 0;
        if (couldBePercent && !sameEitherWay) {
            Texts texts = context.texts();
            String whole = quantity.stripTrailingZeros().toPlainString();
            String number = String.valueOf(position.number());
            String symbol = position.position().symbol();
            String holds = texts.numbers().quantity(symbol, held);
            if (quantity.compareTo(held) > 0) {
                throw new AmbiguousInput(texts.get("close.percentNotQuantity.question", number, symbol, holds, base,
                        whole), amount, 1, List.of(new AmbiguousInput.Reading(whole + "%", whole + "%")));
            }
            throw new AmbiguousInput(texts.get("close.percentOrQuantity.question", number, symbol, holds, base, whole),
                    amount, 1,
                    List.of(new AmbiguousInput.Reading(whole + "%", whole + "%"),
                            new AmbiguousInput.Reading(texts.get("close.coinsButton", whole, base), whole + " coins")));
        }
        return Portion.quantity(quantity);
    }

    private BotReply askToCloseAll(AccountSnapshot snapshot, Texts texts) {
        if (snapshot.positions().isEmpty()) {
            throw CommandRejected.text("refusals.close.noPositions.refused");
        }
        return CloseAllViews.question(snapshot, fees, key(), ALL_PAYLOAD, texts);
    }

    @Override
    public BotReply confirmed(CommandContext context, String payload) {
        if (payload.startsWith(ALL_PAYLOAD)) {
            List<Integer> numbers = Arrays.stream(payload.substring(ALL_PAYLOAD.length()).split(","))
                    .map(Integer::valueOf).toList();
            List<TradeResult> results = closeAll.closeAll(context.userId(), numbers);
            return BotReply.html(CloseAllViews.done(results, context.texts()));
        }
        return done(trading.close(context.userId(), payload, Portion.ALL), standings, context.userId(),
                context.texts());
    }

    private static StoredPosition findForQuestion(AccountSnapshot snapshot, String reference) {
        String ref = reference.startsWith("#") ? reference.substring(1) : reference;
        Optional<StoredPosition> found = ref.matches("\\d{1,9}") ? snapshot.byNumber(Integer.parseInt(ref))
                : Symbols.normalize(ref).flatMap(snapshot::bySymbol);
        return found.orElseThrow(() -> CommandRejected.text("refusals.position.none.refused", named(reference)));
    }

    private static Object named(String reference) {
        String ref = reference.startsWith("#") ? reference.substring(1) : reference;
        return ref.matches("\\d{1,9}") ? "#" + ref : Arguments.quoted(reference);
    }

    /** The reply to a close; what is left open states where it stands (a partial close re-bases its warnings). */
    static BotReply done(TradeResult result, OrderStandings standings, long userId, Texts texts) {
        Numbers n = texts.numbers();
        StoredPosition closed = result.previous() != null ? result.previous() : result.position();
        String symbol = closed == null ? null : closed.position().symbol(); // null: sizes and prices as Fmt writes them
        StringBuilder text = new StringBuilder(texts.get("close.done", n.quantity(symbol, result.closedQuantity()),
                n.price(symbol, result.price()), n.signedMoney(result.realizedPnl()))).append('\n');
        if (result.position() != null) {
            text.append(texts.get("close.stillOpen")).append('\n')
                    .append(TradingViews.position(result.position(), result.risk(), texts)).append('\n')
                    .append(StandingText.of(standings.afterOrder(userId, result), texts)).append('\n');
        }
        text.append(texts.get("close.wallet", n.usdt(result.after().risk().walletBalance())));
        text.append(TradingViews.orderLine(result, texts));
        text.append(TradingViews.feeLine(result, texts));
        text.append(TradingViews.negativeCrossWalletNote(result.after().risk().cross(), texts));
        return BotReply.html(text.toString());
    }
}
