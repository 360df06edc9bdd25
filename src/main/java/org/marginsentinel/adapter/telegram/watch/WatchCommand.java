package org.marginsentinel.adapter.telegram.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.CallsOutsideTransaction;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.watch.WatchList;
import org.marginsentinel.application.watch.WatchedAccount;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * {@code /watch hl <address>} watches a real Hyperliquid account read-only; {@code /watch binance|bybit|okx …}
 * an exchange account with a read-only API key ({@link KeyedWatchFlow}); {@code /watch} lists them. Private
 * chats only: anyone can watch any public address, so nothing about it is shown where others can read it.
 */
@ApplicationScoped
public class WatchCommand implements ChatCommand, CallsOutsideTransaction {

    @Inject
    WatchList watchList;

    @Inject
    WatchViews views;

    @Inject
    KeyedWatchFlow keyedFlow;

    @Override
    public CommandSpec spec() {
        return CommandTable.WATCH;
    }

    /** A key given with {@code /watch <exchange> …} is checked with the exchange before the transaction. */
    @Override
    public void beforeTransaction(long userId, boolean privateChat, List<String> args) {
        keyedFlow.check(userId, privateChat, args);
    }

    @Override
    public BotReply handle(CommandContext context) {
        Optional<KeyedExchange> exchange = context.args().isEmpty() ? Optional.empty()
                : KeyedWatchFlow.exchangeNamed(context.args().get(0));
        if (!context.privateChat() && exchange.isPresent()) {
            return keyedFlow.refuseInGroup(context, exchange.get());
        }
        PrivateOnly.require(context, "/watch");
        if (context.args().isEmpty()) {
            return BotReply.html(views.list(context.userId()));
        }
        if (exchange.isPresent()) {
            return keyedFlow.handle(context, exchange.get());
        }
        if (context.args().size() != 2 || !context.args().get(0).toLowerCase(Locale.ROOT).equals("hl")) {
            throw new CommandRejected(context.texts().get("refusals.watch.how.refused"));
        }
        int number = watchList.entries(context.userId()).size() + 1;
        WatchedAccount added = watchList.watch(context.userId(), context.args().get(1));
        return BotReply.html(context.texts().get("watch.hl.watching", Html.code(added.address().shortForm()),
                context.texts().numbers().count(added.state().positions().size())) + "\n\n"
                + views.accountPositions(added, number).strip());
    }
}
