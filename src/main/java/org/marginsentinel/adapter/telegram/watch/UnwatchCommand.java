package org.marginsentinel.adapter.telegram.watch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.format.Html;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.watch.WatchList;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.Watched;
import org.marginsentinel.application.watch.WatchedAccount;

/** {@code /unwatch <n>}: stops watching one account and deletes everything stored for it (a keyed account's key too). */
@ApplicationScoped
public class UnwatchCommand implements ChatCommand {

    @Inject
    WatchList watchList;

    @Override
    public CommandSpec spec() {
        return CommandTable.UNWATCH;
    }

    @Override
    public BotReply handle(CommandContext context) {
        PrivateOnly.require(context, "/unwatch");
        if (context.args().size() != 1 || !context.args().get(0).matches("#?\\d{1,3}")) {
            throw new CommandRejected(context.texts().get("refusals.unwatch.how.refused"));
        }
        int number = Integer.parseInt(context.args().get(0).replace("#", ""));
        Watched removed = watchList.unwatch(context.userId(), number);
        if (removed instanceof KeyedAccount keyed) {
            return BotReply.html(context.texts().get("watch.unwatched.keyed",
                    Html.escape(keyed.exchange().displayName()), Html.code(keyed.maskedKeyId())));
        }
        return BotReply.html(context.texts().get("watch.unwatched.hl",
                Html.code(((WatchedAccount) removed).address().shortForm())));
    }
}
