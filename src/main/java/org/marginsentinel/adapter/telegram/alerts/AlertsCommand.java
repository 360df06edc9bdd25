package org.marginsentinel.adapter.telegram.alerts;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.i18n.Numbers;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.command.Arguments;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.alert.AlertSettings;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.RiskThresholds;

/** Shows and tunes when warnings start. */
@ApplicationScoped
public class AlertsCommand implements ChatCommand {

    @Inject
    AlertSettings settings;

    @Inject
    Clock clock;

    @Override
    public CommandSpec spec() {
        return CommandTable.ALERTS;
    }

    @Override
    public BotReply handle(CommandContext context) {
        List<String> args = context.args();
        long user = context.userId();
        Texts texts = context.texts();
        if (args.isEmpty()) {
            return BotReply.html(describe(settings.current(user), texts));
        }
        String first = args.get(0).toLowerCase(Locale.ROOT);
        switch (first) {
            case "on":
            case "off":
                if (args.size() != 1) {
                    throw new CommandRejected(texts.get("alerts.nothingMore.refused", first));
                }
                return BotReply.html(texts.get(first.equals("on") ? "alerts.on" : "alerts.off") + "\n\n"
                        + describe(settings.enabled(user, first.equals("on")), texts));
            case "isolated":
            case "cross":
                if (args.size() != 4) {
                    throw new CommandRejected(texts.get("alerts.threeLevels.refused"));
                }
                BigDecimal warning = fraction(args.get(1), texts);
                BigDecimal danger = fraction(args.get(2), texts);
                BigDecimal critical = fraction(args.get(3), texts);
                AlertPreferences saved = first.equals("isolated") ? settings.isolatedLevels(user, warning, danger, critical)
                        : settings.crossLevels(user, warning, danger, critical);
                return BotReply.html(texts.get("alerts.saved") + "\n\n" + describe(saved, texts));
            case "odds":
                if (args.size() != 2) {
                    throw new CommandRejected(texts.get("alerts.oddsHow.refused"));
                }
                if (args.get(1).equalsIgnoreCase("off")) {
                    return BotReply.html(texts.get("alerts.oddsOff") + "\n\n"
                            + describe(settings.oddsAlert(user, null), texts));
                }
                if (!args.get(1).endsWith("%")) {
                    throw new CommandRejected(texts.get("alerts.oddsAsPercent.refused"));
                }
                return BotReply.html(texts.get("alerts.saved") + "\n\n"
                        + describe(settings.oddsAlert(user, fraction(args.get(1), texts)), texts));
            default:
                throw new CommandRejected(texts.get("common.notUnderstood.refused", Arguments.quote(args.get(0), texts)));
        }
    }

    private static BigDecimal fraction(String token, Texts texts) {
        return Arguments.percent(token.endsWith("%") ? token : token + "%")
                .orElseThrow(() -> new CommandRejected(texts.get("alerts.levelsAsPercent.refused")))
                .movePointLeft(2);
    }

    private String describe(AlertPreferences preferences, Texts texts) {
        RiskThresholds t = preferences.thresholds();
        Numbers n = texts.numbers();
        StringBuilder text = new StringBuilder(texts.get(preferences.enabled() ? "alerts.title.on" : "alerts.title.off"))
                .append('\n')
                .append(texts.get("alerts.isolatedLevels", n.percent(t.isolatedWarning()),
                        n.percent(t.isolatedDanger()), n.percent(t.isolatedCritical()))).append('\n')
                .append(texts.get("alerts.crossLevels", n.percent(t.crossWarning()), n.percent(t.crossDanger()),
                        n.percent(t.crossCritical()))).append('\n');
        preferences.oddsThresholdIfSet().ifPresent(odds -> text.append(texts.get("alerts.odds", n.percent(odds)))
                .append('\n'));
        if (preferences.snoozedAt(clock.instant())) {
            text.append(texts.get("alerts.snoozedUntil", preferences.snoozedUntil().toString().substring(11, 16)))
                    .append('\n');
        }
        preferences.quietHoursIfSet().ifPresent(q -> text.append(texts.get("alerts.quietHours",
                String.format(Locale.ROOT, "%02d–%02d", q.startHour(), q.endHour()))).append('\n'));
        return text.append(texts.get("alerts.howToChange")).toString();
    }
}
