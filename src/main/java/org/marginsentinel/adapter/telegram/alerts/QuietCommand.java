package org.marginsentinel.adapter.telegram.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.alert.AlertSettings;
import org.marginsentinel.domain.alert.QuietHours;

@ApplicationScoped
public class QuietCommand implements ChatCommand {

    private static final Pattern HOURS = Pattern.compile("(\\d{1,2})-(\\d{1,2})");

    @Inject
    AlertSettings settings;

    @Override
    public CommandSpec spec() {
        return CommandTable.QUIET;
    }

    @Override
    public BotReply handle(CommandContext context) {
        if (context.args().size() != 1) {
            throw new CommandRejected("Give hours like 23-07 (UTC), or off.");
        }
        String argument = context.args().get(0).toLowerCase(Locale.ROOT);
        if (argument.equals("off")) {
            settings.quietHours(context.userId(), null);
            return BotReply.html("🔔 Quiet hours removed.");
        }
        Matcher matcher = HOURS.matcher(argument);
        if (!matcher.matches()) {
            throw new CommandRejected(Arguments.quote(context.args().get(0)) + " is not an hour range. Write 23-07.");
        }
        int start = Integer.parseInt(matcher.group(1));
        int end = Integer.parseInt(matcher.group(2));
        if (start > 23 || end > 23 || start == end) {
            throw new CommandRejected("Hours go from 0 to 23, and the range needs two different hours.");
        }
        settings.quietHours(context.userId(), QuietHours.of(start, end));
        return BotReply.html(String.format(Locale.ROOT, "🌙 Quiet hours %02d:00–%02d:00 UTC every day. "
                + "Critical warnings and liquidations still come through. /quiet off removes them.", start, end));
    }
}
