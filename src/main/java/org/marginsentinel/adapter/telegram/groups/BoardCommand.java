package org.marginsentinel.adapter.telegram.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.marginsentinel.adapter.telegram.command.BotReply;
import org.marginsentinel.adapter.telegram.command.Button;
import org.marginsentinel.adapter.telegram.command.CallbackHandler;
import org.marginsentinel.adapter.telegram.command.ChatCommand;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.store.GroupDirectory;
import org.marginsentinel.adapter.telegram.store.GroupDirectory.BoardMessage;
import org.marginsentinel.adapter.telegram.store.LockedGroup;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.community.RiskBoard;

/**
 * {@code /board} in a group: the risk board of the members who share, as <b>one message edited in place</b>.
 * {@code /board} again (or the refresh button) edits that message instead of posting a new one, unless it
 * has scrolled far up or lives in another forum topic; then a new board is posted and becomes the board.
 * Re-rendering is throttled ({@code sentinel.groups.board-refresh-interval}), so the board never eats the
 * group's 20 messages a minute.
 */
@ApplicationScoped
public class BoardCommand implements ChatCommand, CallbackHandler {

    static final String PREFIX = "brd:";
    static final String REFRESH = PREFIX + "r";
    /** A board further up than this many messages is out of sight: post a new one. */
    static final int REPOST_AFTER_MESSAGES = 30;

    @Inject
    GroupDirectory directory;

    @Inject
    RiskBoard riskBoard;

    @Inject
    Outbox outbox;

    @Inject
    GroupsConfig config;

    @Inject
    Clock clock;

    @Override
    public CommandSpec spec() {
        return CommandTable.BOARD;
    }

    @Override
    public BotReply handle(CommandContext context) {
        GroupOnly.require(context, name());
        if (!context.args().isEmpty()) {
            throw new CommandRejected(context.texts().get("refusals.command.noArguments.refused", "board"));
        }
        Instant now = clock.instant();
        LockedGroup group = directory.lockGroup(context.chatId(), now);
        BoardMessage current = directory.boardMessage(group);
        if (current instanceof BoardMessage.Sent sent && Objects.equals(sent.threadId(), context.messageThreadId())
                && inView(sent.messageId(), context.messageId())) {
            if (!isFresh(group, now)) {
                outbox.enqueue(OutgoingMessage.edit(context.chatId(), sent.messageId(), render(context, now))
                        .withButtons(refreshRow(context.texts())).superseding("board:edit"));
                group.boardRendered(now);
            }
            return null; // the board just above the command is up to date
        }
        List<Long> rows = outbox.enqueue(OutgoingMessage.to(context.chatId(), render(context, now))
                .inThread(context.messageThreadId())
                .replyingTo(context.messageId())
                .withButtons(refreshRow(context.texts()))
                .withPriority(OutgoingMessage.PRIORITY_REPLY)
                .superseding("board"));
        if (!rows.isEmpty()) {
            group.boardPosted(rows.get(0), context.messageThreadId(), now);
        }
        return null;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** The refresh button: anyone in the group may press it; it edits the board it sits under. */
    @Override
    public BotReply onPress(CommandContext context, String data) {
        GroupOnly.require(context, name());
        Instant now = clock.instant();
        LockedGroup group = directory.lockGroup(context.chatId(), now);
        if (isFresh(group, now)) {
            throw new CommandRejected(context.texts().get("refusals.board.fresh.refused", String.valueOf(config.boardRefreshInterval().toSeconds())));
        }
        group.boardRendered(now);
        return BotReply.html(render(context, now)).withButtons(refreshRow(context.texts()));
    }

    /** The board in the words of the member who asked for it (or pressed refresh). */
    private String render(CommandContext context, Instant now) {
        Map<Long, String> names = directory.sharingMembers(context.chatId()).stream()
                .collect(Collectors.toMap(GroupDirectory.SharingMember::userId, GroupDirectory.SharingMember::displayName));
        return GroupViews.board(riskBoard.rows(names.keySet()), names, config.boardMaxMembers(), now, context.texts());
    }

    private boolean isFresh(LockedGroup group, Instant now) {
        return group.boardRenderedAt() != null && now.isBefore(group.boardRenderedAt().plus(config.boardRefreshInterval()));
    }

    private static boolean inView(int boardMessageId, Integer commandMessageId) {
        return commandMessageId != null && commandMessageId - boardMessageId <= REPOST_AFTER_MESSAGES;
    }

    private static List<List<Button>> refreshRow(Texts texts) {
        return List.of(List.of(new Button(texts.get("board.refresh"), REFRESH)));
    }
}
