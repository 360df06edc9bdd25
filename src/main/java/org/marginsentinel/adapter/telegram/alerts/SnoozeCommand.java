package org.marginsentinel.adapter.telegram.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
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
import org.marginsentinel.domain.alert.AlertPreferences;

@ApplicationScoped
public class SnoozeCommand implements ChatCommand {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,4})(m|min|h)");

    @Inject
    AlertSettings settings;

    @Override
    public CommandSpec spec() {
        return CommandTable.SNOOZE;
    }

    @Override
    public BotReply handle(CommandContext context) {
        Texts texts = context.texts();
        if (context.args().size() != 1) {
            throw new CommandRejected(texts.get("snooze.oneDuration.refused"));
        }
        String argument = context.args().get(0).toLowerCase(Locale.ROOT);
        if (argument.equals("off")) {
            settings.snooze(context.userId(), Duration.ZERO);
            return BotReply.html(texts.get("snooze.ended"));
        }
        Matcher matcher = DURATION.matcher(argument);
        if (!matcher.matches()) {
            throw new CommandRejected(texts.get("snooze.notADuration.refused", Arguments.quote(context.args().get(0), texts)));
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = matcher.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
        if (amount == 0) {
            throw new CommandRejected(texts.get("snooze.range.refused"));
        }
        AlertPreferences saved = settings.snooze(context.userId(), duration);
        return BotReply.html(texts.get("snooze.until", saved.snoozedUntil().toString().substring(11, 16)));
    }
}
