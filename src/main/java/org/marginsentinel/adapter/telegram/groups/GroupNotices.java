package org.marginsentinel.adapter.telegram.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.UserLanguages;
import org.marginsentinel.adapter.telegram.store.ChatDirectory;
import org.marginsentinel.adapter.telegram.store.GroupDirectory;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.Severity;
import org.marginsentinel.domain.alert.RiskLevel;

/**
 * What groups hear about a member's notice, queued in the notice's transaction:
 * <ul>
 *   <li><b>Group alerts</b>: a CRITICAL warning when first announced (not its silent reminders) and every
 *       liquidation, posted to each group where the member shares and an admin turned alerts on. They wait
 *       {@code sentinel.groups.alert-batch-window} in an open batch, so alerts of one price move leave as one message; a newer
 *       alert about the same position replaces an unsent one, and its liquidation withdraws it; the sender keeps the
 *       20-per-minute group limit.</li>
 *   <li><b>The nudge</b>: a member who never opened a private chat cannot be warned there (Telegram forbids
 *       bots to write first). The group where they last used the bot gets one short message mentioning them,
 *       with a button that opens the private chat. Once per member, ever. Nudges of one batch are one message:
 *       each new one replaces the unsent message by one that mentions everyone nudged in that batch.</li>
 * </ul>
 */
@ApplicationScoped
public class GroupNotices {

    /** The supersede-key prefix of a group alert about a subject. */
    private static final String GROUP = "group:";

    @Inject
    GroupDirectory directory;

    @Inject
    ChatDirectory chats;

    @Inject
    Outbox outbox;

    @Inject
    BotConnection connection;

    @Inject
    GroupsConfig config;

    @Inject
    Clock clock;

    @Inject
    UserLanguages languages;

    private final Map<Long, Batch> openBatches = new ConcurrentHashMap<>();

    /**
     * A group's open batch: when it goes out, and the members nudged in it so far (as HTML mentions, and their
     * languages: the nudge is in theirs when they share one, else in English).
     */
    private record Batch(Instant due, List<String> nudged, List<Language> languages) {

        Texts nudgeTexts() {
            return Texts.of(languages.stream().distinct().count() == 1 ? languages.get(0) : Language.EN);
        }
    }

    public void onNotice(Notice notice) {
        if (notice.severity() == Severity.INFO) {
            return; // price feed news: nothing about the member's risk
        }
        onNotice(notice, () -> chats.isActive(notice.userId()).isPresent(),
                () -> directory.alertTargets(notice.userId()));
    }

    /**
     * {@link #onNotice} for many notices in one transaction (a crash's liquidations): the members' groups are read in
     * one query, and whether each member's private chat is known comes from {@code privateChats} (read by the
     * caller in the same transaction).
     */
    public void onNotices(List<? extends Notice> notices, Map<Long, ChatDirectory.Reach> privateChats) {
        List<Long> members = notices.stream().filter(n -> n.severity() != Severity.INFO).map(Notice::userId)
                .distinct().toList();
        Map<Long, List<GroupDirectory.AlertTarget>> targets = members.isEmpty() ? Map.of()
                : directory.alertTargetsOf(members);
        for (Notice notice : notices) {
            if (notice.severity() != Severity.INFO) {
                onNotice(notice, () -> privateChats.containsKey(notice.userId()),
                        () -> targets.getOrDefault(notice.userId(), List.of()));
            }
        }
    }

    private void onNotice(Notice notice, BooleanSupplier privateChatKnown,
                          Supplier<List<GroupDirectory.AlertTarget>> alertTargets) {
        nudgeIfUnreachable(notice.userId(), privateChatKnown);
        Optional<String> stale = staleAlertKey(notice);
        List<GroupDirectory.AlertTarget> targets = alertTargets.get();
        if (targets.isEmpty()) {
            return;
        }
        Texts texts = Texts.of(languages.of(notice.userId())); // the alert is about the member: in their language
        for (GroupDirectory.AlertTarget target : targets) {
            stale.ifPresent(key -> outbox.withdraw(target.chatId(), key));
            groupAlert(notice, target.displayName(), texts).ifPresent(alert -> outbox.enqueue(
                    OutgoingMessage.to(target.chatId(), alert.html())
                            .inThread(target.threadId())
                            .withPriority(OutgoingMessage.PRIORITY_WARNING)
                            .superseding(alert.supersedeKey())
                            .notBefore(batch(target.chatId()).due())));
        }
    }

    /**
     * A liquidation makes the unsent group alert about what it liquidated stale, as it does the private warnings: the
     * key of that alert (the liquidated position's, or the pool's), withdrawn from each group before the news goes in.
     */
    static Optional<String> staleAlertKey(Notice notice) {
        if (notice instanceof Notice.IsolatedLiquidated liquidated) {
            return liquidated.position().map(position -> GROUP + position.key());
        }
        return notice instanceof Notice.CrossLiquidated ? Optional.of(GROUP + notice.subject().key()) : Optional.empty();
    }

    /**
     * When the group's open batch of alerts goes out: the first alert opens a batch due one window later, and
     * alerts queued before then join it (same notBefore, so the sender merges them). The application clock, like
     * the outbox. Kept in memory: after a restart the next alert simply opens a new batch.
     */
    private Batch batch(long chatId) {
        Instant now = clock.instant();
        return openBatches.compute(chatId, (id, open) -> open != null && open.due().isAfter(now) ? open
                : new Batch(now.plus(config.alertBatchWindow()), new CopyOnWriteArrayList<>(),
                        new CopyOnWriteArrayList<>()));
    }

    /**
     * A group alert: its HTML, and the key by which a newer one about the same subject replaces it while unsent
     * (null for liquidations, which are never replaced).
     */
    record GroupAlert(String html, String supersedeKey) {
    }

    /**
     * The group alert for a CRITICAL entry or a liquidation, in the words of {@code texts} (the member's language);
     * empty for everything else (and silent reminders).
     */
    static Optional<GroupAlert> groupAlert(Notice notice, String name, Texts texts) {
        if (notice.severity() != Severity.CRITICAL || notice.silent()) {
            return Optional.empty();
        }
        return Optional.ofNullable(notice.accept(new GroupAlertText(name, texts)));
    }

    /** Words a CRITICAL notice for the group; null for kinds the group never hears. */
    private record GroupAlertText(String name, Texts texts) implements Notice.Visitor<GroupAlert> {
        @Override
        public GroupAlert positionWarning(Notice.PositionWarning warning) {
            return warning.decision().level() != RiskLevel.CRITICAL ? null : new GroupAlert(
                    GroupViews.criticalPosition(name, warning.risk(), texts), GROUP + warning.subject().key());
        }

        @Override
        public GroupAlert poolWarning(Notice.PoolWarning warning) {
            return warning.decision().level() != RiskLevel.CRITICAL ? null : new GroupAlert(
                    GroupViews.criticalPool(name, warning.pool().marginRatio(), texts), GROUP + warning.subject().key());
        }

        @Override
        public GroupAlert drainWarning(Notice.DrainWarning warning) {
            return null;
        }

        @Override
        public GroupAlert isolatedLiquidated(Notice.IsolatedLiquidated l) {
            return new GroupAlert(GroupViews.isolatedLiquidated(name, l.symbol(), l.side(), l.marginLost(), texts), null);
        }

        @Override
        public GroupAlert crossLiquidated(Notice.CrossLiquidated l) {
            return new GroupAlert(GroupViews.crossLiquidated(name, l.closedPositions(), l.walletLost(), texts), null);
        }

        @Override
        public GroupAlert feedPaused(Notice.FeedPaused paused) {
            return null;
        }

        @Override
        public GroupAlert feedResumed(Notice.FeedResumed resumed) {
            return null;
        }

        @Override
        public GroupAlert fundingPaid(Notice.FundingPaid paid) {
            return null;
        }

        @Override
        public GroupAlert priceAlertFired(Notice.PriceAlertFired fired) {
            return null;
        }

        @Override
        public GroupAlert stopExecuted(Notice.StopExecuted executed) {
            return null;
        }
    }

    private void nudgeIfUnreachable(long userId, BooleanSupplier privateChatKnown) {
        String bot = connection.botUsername();
        if (bot == null || privateChatKnown.getAsBoolean()) {
            return; // private chat known (open or blocked on purpose), or no bot to link to
        }
        directory.latestActiveGroup(userId).ifPresent(group -> {
            if (directory.claimNudge(userId, group.chatId(), clock.instant())) {
                Batch batch = batch(group.chatId());
                Language language = languages.of(userId);
                batch.nudged().add(GroupViews.mention(userId, group.displayName(), Texts.of(language)));
                batch.languages().add(language);
                Texts texts = batch.nudgeTexts();
                outbox.enqueue(OutgoingMessage.to(group.chatId(), GroupViews.nudge(batch.nudged(), texts))
                        .inThread(group.lastThreadId())
                        .withButtons(List.of(List.of(PrivateChatLink.receiveWarnings(bot, texts))))
                        .withPriority(OutgoingMessage.PRIORITY_WARNING)
                        .superseding("group:nudge:" + batch.due().toEpochMilli())
                        .notBefore(batch.due()));
            }
        });
    }
}
