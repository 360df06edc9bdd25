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
import org.marginsentinel.adapter.telegram.i18n.Texts;
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
        Texts texts = context.texts();
        if (context.args().size() != 1) {
            throw new CommandRejected(texts.get("quiet.how.refused"));
        }
        String argument = context.args().get(0).toLowerCase(Locale.ROOT);
        if (argument.equals("off")) {
            settings.quietHours(context.userId(), null);
            return BotReply.html(texts.get("quiet.removed"));
        }
        Matcher matcher = HOURS.matcher(argument);
        if (!matcher.matches()) {
            throw new CommandRejected(texts.get("quiet.notARange.refused", Arguments.quote(context.args().get(0), texts)));
        }
        int start = Integer.parseInt(matcher.group(1));
        int end = Integer.parseInt(matcher.group(2));
        if (start > 23 || end > 23 || start == end) {
            throw new CommandRejected(texts.get("quiet.hours.refused"));
        }
        settings.quietHours(context.userId(), QuietHours.of(start, end));
        return BotReply.html(texts.get("quiet.set", String.format(Locale.ROOT, "%02d:00", start),
                String.format(Locale.ROOT, "%02d:00", end)));
    }
}
