package org.marginsentinel.adapter.telegram.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.command.CallbackHandler;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.store.GroupDirectory;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.port.PaperAccountStore;

/**
 * {@code /share on|off} in a group: the member opts in to (or out of) that group's board, leaderboard and
 * group alerts. Off by default, per group. {@code /share} alone shows the state with a toggle button that
 * only that member may press.
 */
@ApplicationScoped
public class ShareCommand implements ChatCommand, CallbackHandler {

    static final String PREFIX = "shr:";

    @Inject
    GroupDirectory directory;

    @Inject
    PaperAccountStore accounts;

    @Inject
    Clock clock;

    @Override
    public CommandSpec spec() {
        return CommandTable.SHARE;
    }

    @Override
    public BotReply handle(CommandContext context) {
        GroupOnly.require(context, name());
        if (context.args().isEmpty()) {
            return status(context.userId(), directory.isSharing(context.chatId(), context.userId()), context.texts());
        }
        String choice = context.args().get(0).toLowerCase(Locale.ROOT);
        if (context.args().size() > 1 || !(choice.equals("on") || choice.equals("off"))) {
            throw new CommandRejected(context.texts().get("refusals.share.how.refused"));
        }
        return set(context, choice.equals("on"));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** {@code on:<userId>} or {@code off:<userId>}: only that member may press it. */
    @Override
    public BotReply onPress(CommandContext context, String data) {
        String[] parts = data.split(":");
        long owner = parts.length == 2 && parts[1].matches("\\d{1,19}") ? Long.parseLong(parts[1]) : -1;
        if (owner != context.userId()) {
            throw new CommandRejected(context.texts().get("refusals.share.notYours.refused"));
        }
        GroupOnly.require(context, name());
        return set(context, parts[0].equals("on"));
    }

    private BotReply set(CommandContext context, boolean on) {
        if (on && accounts.find(context.userId()).isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.share.noAccount.refused"));
        }
        directory.setSharing(context.chatId(), context.userId(), context.userDisplayName(), on, clock.instant());
        Texts texts = context.texts();
        return BotReply.html(texts.get(on ? "share.on" : "share.off"))
                .withButtons(List.of(List.of(toggle(context.userId(), !on, texts))));
    }

    private static BotReply status(long userId, boolean sharing, Texts texts) {
        return BotReply.html(texts.get(sharing ? "share.sharing" : "share.notSharing"))
                .withButtons(List.of(List.of(toggle(userId, !sharing, texts))));
    }

    private static Button toggle(long userId, boolean turnOn, Texts texts) {
        return turnOn ? new Button(texts.get("share.button.on"), PREFIX + "on:" + userId)
                : new Button(texts.get("share.button.off"), PREFIX + "off:" + userId);
    }
}
