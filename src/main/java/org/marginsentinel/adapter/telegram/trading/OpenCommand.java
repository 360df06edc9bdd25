package org.marginsentinel.adapter.telegram.trading;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.ConfirmableAction;
import org.marginsentinel.adapter.telegram.command.OrderArguments;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.views.NotionalText;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.LockedPositions;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.OrderPreview;
import org.marginsentinel.application.PaperTrading;
import org.marginsentinel.application.PracticeTrading;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.alert.Standing;
import org.marginsentinel.application.port.LotSizes;
import org.marginsentinel.application.port.MarkPrices;
import org.marginsentinel.application.port.StoredPosition;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.LotSize;
import org.marginsentinel.domain.market.Symbols;

/**
 * /long and /short: one parser, one use case, the side is the only difference. An order at another leverage than
 * the symbol's open position on the same side changes the whole position's leverage (one leverage per symbol, as on
 * Binance): that is asked first, stating the change, and never done silently.
 */
abstract class OpenCommand implements ChatCommand, ConfirmableAction {

    @Inject
    PracticeTrading practice;

    @Inject
    PaperTrading trading;

    @Inject
    LockedPositions positions;

    @Inject
    OrderStandings standings;

    @Inject
    MarkPrices prices;

    @Inject
    LotSizes lotSizes;

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

    /** The leverage-change question's action. */
    @Override
    public String key() {
        return spec.name() + "-leverage";
    }

    @Override
    public BotReply handle(CommandContext context) {
        OpenOrder order = OrderArguments.parse(side, context.args());
        SymbolSuggestions.askIfNearMiss(prices, context.args(), 0, order.symbol(), context.texts());
        PracticeTrading.PracticeReason practiceReason = practice.practiceReason(order).orElse(null); // asks the exchange: before any lock
        Optional<StoredPosition> changed = leverageChanged(context.userId(), order);
        if (changed.isPresent()) {
            return askToChangeLeverage(context, order, changed.get());
        }
        return execute(context, order, practiceReason);
    }

    /** Payload: the position's leverage when asked, then the order's arguments ({@code 10|BTC $100 20x}). */
    @Override
    public BotReply confirmed(CommandContext context, String payload) {
        int bar = payload.indexOf('|');
        List<String> args = List.of(payload.substring(bar + 1).split(" "));
        OpenOrder order = OrderArguments.parse(side, args);
        PracticeTrading.PracticeReason practiceReason = practice.practiceReason(order).orElse(null);
        StoredPosition position = leverageChanged(context.userId(), order).orElse(null);
        if (position == null || position.position().leverage() != Integer.parseInt(payload.substring(0, bar))) {
            throw new CommandRejected(context.texts().get("refusals.order.changed.refused", order.symbol()));
        }
        return execute(context, order, practiceReason);
    }

    /** The symbol's open position on this side when the order names another leverage than it has. */
    private Optional<StoredPosition> leverageChanged(long userId, OpenOrder order) {
        if (order.leverage() == null) {
            return Optional.empty();
        }
        return positions.open(userId).stream().filter(p -> p.position().symbol().equals(order.symbol()))
                .filter(p -> p.position().side() == side && p.position().leverage() != order.leverage()).findFirst();
    }

    private BotReply askToChangeLeverage(CommandContext context, OpenOrder order, StoredPosition position) {
        OrderPreview preview = trading.preview(context.userId(), order); // refuses as the order would
        List<PositionRisk> after = preview.after().positions();
        PositionRisk afterRisk = after.get(after.size() - 1);
        PositionRisk beforeRisk = preview.before().riskOf(preview.before().byNumber(position.number()).orElseThrow());
        Texts texts = context.texts();
        Numbers n = texts.numbers();
        String symbol = order.symbol();
        String question = texts.get("open.leverageQuestion", String.valueOf(position.number()), symbol,
                TradingViews.side(position.position(), texts), String.valueOf(position.position().leverage()),
                n.quantity(symbol, preview.resulting().quantity()), Symbols.base(symbol),
                String.valueOf(order.leverage()), n.price(symbol, beforeRisk.liquidationPrice()),
                n.price(symbol, afterRisk.liquidationPrice()));
        return BotReply.confirm(question, key(), position.position().leverage() + "|" + String.join(" ", context.args()));
    }

    private BotReply execute(CommandContext context, OpenOrder order, PracticeTrading.PracticeReason practiceReason) {
        long userId = context.userId();
        Texts texts = context.texts();
        Numbers n = texts.numbers();
        String symbol = order.symbol();
        TradeResult result = practice.open(userId, order, practiceReason).result();
        StringBuilder text = new StringBuilder();
        if (result.closedQuantity().signum() > 0) {
            text.append(texts.get("open.closedFirst", n.quantity(symbol, result.closedQuantity()),
                    n.price(symbol, result.price()), n.signedMoney(result.realizedPnl()))).append('\n');
        }
        if (result.flipped()) {
            text.append(texts.get("open.flipped", String.valueOf(result.position().number()),
                    TradingViews.side(result.position().position(), texts),
                    TradingViews.side(result.previous().position(), texts))).append('\n');
        }
        if (result.position() == null) {
            text.append(texts.get("open.positionClosed", n.usdt(result.after().risk().walletBalance())));
        } else {
            Standing standing = standings.afterOrder(userId, result);
            if (StandingText.leads(standing)) {
                text.insert(0, StandingText.of(standing, texts) + "\n");
            }
            text.append(headline(result, texts)).append(notionalNote(order, result, texts))
                    .append(TradingViews.position(result.position(), result.risk(), texts))
                    .append(TradingViews.orderLine(result, texts)).append('\n')
                    .append(texts.get("open.available", n.usdt(result.after().risk().cross().availableBalance())));
            if (!StandingText.leads(standing)) {
                text.append('\n').append(StandingText.of(standing, texts));
            }
        }
        if (result.position() == null) {
            text.append(TradingViews.orderLine(result, texts));
        }
        text.append(TradingViews.feeLine(result, texts)).append(TradingViews.practiceNote(practiceReason, texts));
        return BotReply.html(text.toString());
    }

    /** What a size in USDT bought (and how it was rounded to the symbol's step), on a line of its own; or empty. */
    private String notionalNote(OpenOrder order, TradeResult result, Texts texts) {
        String line = NotionalText.line(order, result.filledQuantity(), result.price(),
                lotSizes.of(order.symbol()).map(LotSize::step).orElse(null), texts);
        return line.isEmpty() ? "" : line + "\n";
    }

    /** "Opened at 97,000.00" for a first open; "Added 0.1 BTC at 97,000.00 → position 0.2 @ 96,500.00" for an add. */
    private static String headline(TradeResult result, Texts texts) {
        Numbers n = texts.numbers();
        String symbol = result.position().position().symbol();
        if (result.added()) {
            return texts.get("open.added", n.quantity(symbol, result.filledQuantity()), Symbols.base(symbol),
                    n.price(symbol, result.price()), n.quantity(symbol, result.position().position().quantity()),
                    n.price(symbol, result.position().position().entryPrice())) + "\n";
        }
        return result.previous() == null ? texts.get("open.opened", n.price(symbol, result.price())) + "\n" : "";
    }
}
