package org.marginsentinel.adapter.telegram.alerts;

import static org.marginsentinel.adapter.telegram.format.Html.bold;

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
import org.marginsentinel.adapter.telegram.format.Fmt;
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
        if (args.isEmpty()) {
            return BotReply.html(describe(settings.current(user)));
        }
        String first = args.get(0).toLowerCase(Locale.ROOT);
        switch (first) {
            case "on":
            case "off":
                if (args.size() != 1) {
                    throw new CommandRejected("/alerts " + first + " takes nothing more.");
                }
                return BotReply.html((first.equals("on") ? "🔔 Warnings are on.\n\n" : "🔕 Warnings are off; "
                        + "liquidations are still reported.\n\n") + describe(settings.enabled(user, first.equals("on"))));
            case "isolated":
            case "cross":
                if (args.size() != 4) {
                    throw new CommandRejected("Give three levels: warning, danger and critical, like 10% 5% 2%.");
                }
                BigDecimal warning = fraction(args.get(1));
                BigDecimal danger = fraction(args.get(2));
                BigDecimal critical = fraction(args.get(3));
                AlertPreferences saved = first.equals("isolated") ? settings.isolatedLevels(user, warning, danger, critical)
                        : settings.crossLevels(user, warning, danger, critical);
                return BotReply.html("✅ Saved.\n\n" + describe(saved));
            case "odds":
                if (args.size() != 2) {
                    throw new CommandRejected("Give the odds that should warn you, like /alerts odds 10%, or /alerts odds off.");
                }
                if (args.get(1).equalsIgnoreCase("off")) {
                    return BotReply.html("✅ Odds alert off.\n\n" + describe(settings.oddsAlert(user, null)));
                }
                if (!args.get(1).endsWith("%")) {
                    throw new CommandRejected("Write the odds as a percentage, like 10%.");
                }
                return BotReply.html("✅ Saved.\n\n" + describe(settings.oddsAlert(user, fraction(args.get(1)))));
            default:
                throw new CommandRejected("I don't understand " + Arguments.quote(args.get(0)) + ".");
        }
    }

    private static BigDecimal fraction(String token) {
        return Arguments.percent(token.endsWith("%") ? token : token + "%")
                .orElseThrow(() -> new CommandRejected("Write levels as percentages, like 10%."))
                .movePointLeft(2);
    }

    private String describe(AlertPreferences preferences) {
        RiskThresholds t = preferences.thresholds();
        StringBuilder text = new StringBuilder(bold("🔔 Warnings")).append(preferences.enabled() ? " are on" : " are off")
                .append('\n')
                .append("Isolated, by distance to liquidation: warning ≤ ").append(Fmt.percent(t.isolatedWarning()))
                .append(", danger ≤ ").append(Fmt.percent(t.isolatedDanger()))
                .append(", critical ≤ ").append(Fmt.percent(t.isolatedCritical())).append('\n')
                .append("Cross, by margin ratio: warning ≥ ").append(Fmt.percent(t.crossWarning()))
                .append(", danger ≥ ").append(Fmt.percent(t.crossDanger()))
                .append(", critical ≥ ").append(Fmt.percent(t.crossCritical())).append('\n');
        preferences.oddsThresholdIfSet().ifPresent(odds -> text.append("Odds: also warn when an isolated position's ")
                .append("odds of liquidation within 24 h reach ").append(Fmt.percent(odds)).append(" (/learn odds)\n"));
        if (preferences.snoozedAt(clock.instant())) {
            text.append("😴 Snoozed until ").append(preferences.snoozedUntil().toString().substring(11, 16))
                    .append(" UTC (critical warnings and liquidations still come).\n");
        }
        preferences.quietHoursIfSet().ifPresent(q -> text.append("🌙 Quiet hours ")
                .append(String.format(Locale.ROOT, "%02d–%02d", q.startHour(), q.endHour()))
                .append(" UTC (critical warnings and liquidations still come).\n"));
        return text.append("Change with /alerts isolated 10% 5% 2%, /alerts cross 50% 70% 85%, /alerts odds 10%, "
                        + "/snooze 2h, /quiet 23-07.")
                .toString();
    }
}
