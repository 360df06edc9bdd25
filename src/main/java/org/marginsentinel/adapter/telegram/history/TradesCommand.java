package org.marginsentinel.adapter.telegram.history;

import static org.marginsentinel.adapter.telegram.format.Html.bold;
import static org.marginsentinel.adapter.telegram.format.Html.escape;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Fmt;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.history.TradingRecord;
import org.marginsentinel.application.port.ClosedTrade;
import org.marginsentinel.domain.market.Symbols;

/** {@code /trades [n]}: the last closed trades, the latest first. */
@ApplicationScoped
public class TradesCommand implements ChatCommand {

    static final int DEFAULT_COUNT = 10;
    private static final DateTimeFormatter CLOSED = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    TradingRecord record;

    @Override
    public CommandSpec spec() {
        return CommandTable.TRADES;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().size() > 1 || !context.arg(0).orElse("1").matches("\\d{1,3}")) {
            throw new CommandRejected("Say how many trades, 1 to " + TradingRecord.MAX_TRADES + ", like /trades 20.");
        }
        int count = context.arg(0).map(Integer::parseInt).orElse(DEFAULT_COUNT);
        List<ClosedTrade> trades = record.trades(context.userId(), count);
        if (trades.isEmpty()) {
            return BotReply.html("No closed trades yet. Closed and liquidated positions show here.");
        }
        StringBuilder text = new StringBuilder(bold("Last " + trades.size() + " closed trade"
                + (trades.size() == 1 ? "" : "s")) + " (latest first, times UTC)");
        boolean backfilled = false;
        for (ClosedTrade trade : trades) {
            text.append("\n\n").append(line(trade));
            backfilled |= trade.lastFillOnly();
        }
        if (backfilled) {
            text.append("\n\n* from before trade history was kept: size and exit count only the fills recorded "
                    + "since (for a closed one, its last fill).");
        }
        return BotReply.html(text.toString());
    }

    static String line(ClosedTrade trade) {
        return "#" + trade.number() + " " + bold(escape(trade.symbol() + " " + trade.side().name()))
                + (trade.lastFillOnly() ? "*" : "") + " · " + ending(trade) + " · " + CLOSED.format(trade.closedAt())
                + "\n" + Fmt.quantity(trade.size()) + " " + escape(Symbols.base(trade.symbol())) + " · entry "
                + Fmt.price(trade.entryPrice()) + " → exit " + Fmt.price(trade.exitPrice()) + " · held "
                + duration(trade.duration())
                + "\nPnL " + Fmt.signedMoney(trade.realizedPnl()) + " · fees " + Fmt.signedMoney(trade.fees())
                + " · funding " + Fmt.signedMoney(trade.funding()) + " · "
                + bold("net " + Fmt.signedMoney(trade.net()));
    }

    private static String ending(ClosedTrade trade) {
        return switch (trade.endedBy()) {
            case CLOSE -> "closed";
            case LIQUIDATION -> "⛔ liquidated";
            case STOP_LOSS -> "🛑 stop-loss";
            case TAKE_PROFIT -> "🎯 take-profit";
        };
    }

    static String duration(Duration held) {
        long minutes = held.toMinutes();
        if (minutes < 1) {
            return held.toSeconds() + " s";
        }
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return hours + " h " + (minutes % 60) + " min";
        }
        return (hours / 24) + " d " + (hours % 24) + " h";
    }
}
