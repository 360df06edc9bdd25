package org.marginsentinel.adapter.telegram.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.store.GroupDirectory;
import org.marginsentinel.adapter.telegram.store.LockedGroup;
import org.marginsentinel.application.CommandRejected;

/**
 * {@code /groupalerts on|off}: a group admin decides whether sharing members' CRITICAL warnings and
 * liquidations are also posted to the group. Admin status is asked from Telegram (getChatMember) by the
 * sender's numeric id at every change, never taken from a user name or a cache; an admin who posts anonymously
 * (as the group itself) is an admin by Telegram's own rule.
 */
@ApplicationScoped
public class GroupAlertsCommand implements ChatCommand {

    private static final Set<String> ADMIN_STATUSES = Set.of("creator", "administrator");

    @Inject
    GroupDirectory directory;

    @Inject
    BotConnection connection;

    @Inject
    GroupsConfig config;

    @Inject
    Clock clock;

    @Override
    public CommandSpec spec() {
        return CommandTable.GROUP_ALERTS;
    }

    @Override
    public BotReply handle(CommandContext context) {
        GroupOnly.require(context, name());
        Instant now = clock.instant();
        if (context.args().isEmpty()) {
            boolean on = directory.alertsEnabled(context.chatId());
            return BotReply.html(context.texts().get(on ? "groupAlerts.statusOn" : "groupAlerts.statusOff"));
        }
        String choice = context.args().get(0).toLowerCase(Locale.ROOT);
        if (context.args().size() > 1 || !(choice.equals("on") || choice.equals("off"))) {
            throw new CommandRejected(context.texts().get("refusals.groupAlerts.how.refused"));
        }
        requireAdmin(context);
        LockedGroup group = directory.lockGroup(context.chatId(), now);
        group.alerts(choice.equals("on"), context.messageThreadId(), now);
        if (!group.alertsEnabled()) {
            return BotReply.html(context.texts().get("groupAlerts.turnedOff"));
        }
        return BotReply.html(context.texts().get(context.messageThreadId() != null ? "groupAlerts.turnedOnInTopic"
                : "groupAlerts.turnedOn", String.valueOf(config.alertBatchWindow().toSeconds())));
    }

    private void requireAdmin(CommandContext context) {
        if (context.anonymousAdmin()) {
            return; // posted as the group itself: only its admins can do that
        }
        Optional<String> status = connection.chatMemberStatus(context.chatId(), context.userId());
        if (status.isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.groupAlerts.adminUnknown.refused"));
        }
        if (!ADMIN_STATUSES.contains(status.get())) {
            throw new CommandRejected(context.texts().get("refusals.groupAlerts.notAdmin.refused"));
        }
    }
}
