package org.marginsentinel.adapter.telegram.history;

import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.history.TradingRecord;
import org.marginsentinel.application.port.ClosedTrade;
import org.marginsentinel.domain.market.Symbols;

/** {@code /trades [n]}: the last closed trades, the latest first. */
@ApplicationScoped
public class TradesCommand implements ChatCommand {

    static final int DEFAULT_COUNT = 10;

    @Inject
    TradingRecord record;

    @Override
    public CommandSpec spec() {
        return CommandTable.TRADES;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().size() > 1 || !context.arg(0).orElse("1").matches("\\d{1,3}")) {
            throw new CommandRejected(context.texts().get("refusals.trades.count.refused", context.texts().numbers().count(TradingRecord.MAX_TRADES)));
        }
        int count = context.arg(0).map(Integer::parseInt).orElse(DEFAULT_COUNT);
        List<ClosedTrade> trades = record.trades(context.userId(), count);
        Texts texts = context.texts();
        if (trades.isEmpty()) {
            return BotReply.html(texts.get("trades.none"));
        }
        StringBuilder text = new StringBuilder(texts.get(trades.size() == 1 ? "trades.title.one" : "trades.title.many",
                String.valueOf(trades.size())));
        boolean backfilled = false;
        for (ClosedTrade trade : trades) {
            text.append("\n\n").append(line(trade, texts));
            backfilled |= trade.lastFillOnly();
        }
        if (backfilled) {
            text.append("\n\n").append(texts.get("trades.backfilled"));
        }
        return BotReply.html(text.toString());
    }

    static String line(ClosedTrade trade, Texts texts) {
        Numbers n = texts.numbers();
        String symbol = trade.symbol();
        return texts.get("trades.line", String.valueOf(trade.number()), escape(symbol), texts.side(trade.side()),
                trade.lastFillOnly() ? "*" : "", ending(trade, texts),
                PnlCommand.dates("trades.closed.pattern", texts).format(trade.closedAt()),
                n.quantity(symbol, trade.size()), escape(Symbols.base(symbol)), n.price(symbol, trade.entryPrice()),
                n.price(symbol, trade.exitPrice()), duration(trade.duration(), texts),
                n.signedMoney(trade.realizedPnl()), n.signedMoney(trade.fees()), n.signedMoney(trade.funding()),
                n.signedMoney(trade.net()));
    }

    private static String ending(ClosedTrade trade, Texts texts) {
        return texts.get(switch (trade.endedBy()) {
            case CLOSE -> "trades.ending.close";
            case LIQUIDATION -> "trades.ending.liquidation";
            case STOP_LOSS -> "trades.ending.stopLoss";
            case TAKE_PROFIT -> "trades.ending.takeProfit";
        });
    }

    static String duration(Duration held, Texts texts) {
        long minutes = held.toMinutes();
        if (minutes < 1) {
            return texts.get("trades.duration.seconds", String.valueOf(held.toSeconds()));
        }
        if (minutes < 60) {
            return texts.get("trades.duration.minutes", String.valueOf(minutes));
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return texts.get("trades.duration.hours", String.valueOf(hours), String.valueOf(minutes % 60));
        }
        return texts.get("trades.duration.days", String.valueOf(hours / 24), String.valueOf(hours % 24));
    }
}
