package org.marginsentinel.adapter.telegram.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.marginsentinel.application.community.Leaderboards;
import org.marginsentinel.application.community.Leaderboards.Period;

/**
 * {@code /leaderboard [week|month|all]} in a group: the sharing members' paper results ranked by
 * risk-adjusted survival ({@link org.marginsentinel.domain.community.SurvivalRanking}). The period buttons
 * edit the same message.
 */
@ApplicationScoped
public class LeaderboardCommand implements ChatCommand, CallbackHandler {

    static final String PREFIX = "ldb:";

    @Inject
    GroupDirectory directory;

    @Inject
    Leaderboards leaderboards;

    @Inject
    GroupsConfig config;

    @Override
    public CommandSpec spec() {
        return CommandTable.LEADERBOARD;
    }

    @Override
    public BotReply handle(CommandContext context) {
        GroupOnly.require(context, name());
        if (context.args().size() > 1) {
            throw new CommandRejected(context.texts().get("refusals.leaderboard.onePeriod.refused"));
        }
        return render(context, context.arg(0).map(LeaderboardCommand::period).orElse(Period.WEEK));
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** A period button: anyone in the group may switch the period. */
    @Override
    public BotReply onPress(CommandContext context, String data) {
        GroupOnly.require(context, name());
        return render(context, period(data));
    }

    private BotReply render(CommandContext context, Period period) {
        Map<Long, String> names = directory.sharingMembers(context.chatId()).stream()
                .collect(Collectors.toMap(GroupDirectory.SharingMember::userId, GroupDirectory.SharingMember::displayName));
        Leaderboards.Leaderboard board = leaderboards.rank(names.keySet(), period);
        Texts texts = context.texts();
        return BotReply.html(GroupViews.leaderboard(board, names, config.boardMaxMembers(), texts))
                .withButtons(List.of(List.of(button(Period.WEEK, period, texts), button(Period.MONTH, period, texts),
                        button(Period.ALL, period, texts))));
    }

    private static Button button(Period period, Period shown, Texts texts) {
        String name = period.name().toLowerCase(Locale.ROOT);
        String label = texts.get("leaderboard.button." + name);
        return new Button(period == shown ? "• " + label + " •" : label, PREFIX + name);
    }

    static Period period(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "week", "w" -> Period.WEEK;
            case "month", "m" -> Period.MONTH;
            case "all", "a" -> Period.ALL;
            default -> throw CommandRejected.text("refusals.leaderboard.period.refused");
        };
    }
}
