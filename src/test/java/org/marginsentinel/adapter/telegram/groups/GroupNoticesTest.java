package org.marginsentinel.adapter.telegram.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.InMemoryUserLanguages;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.alerts.Notices;
import org.marginsentinel.adapter.telegram.connection.BotConnection;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.store.GroupDirectory;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.Side;

/** What a group hears of a sharing member's notice: CRITICAL entries and liquidations only. */
class GroupNoticesTest {

    private static final long GROUP_CHAT = -1001;
    private static final long OTHER_GROUP = -1002;
    private static final Texts EN = Texts.of(Language.EN);

    /** The group messages not yet sent, as the outbox keeps them: a withdrawal drops the chat's rows under a key. */
    private final List<OutgoingMessage> pending = new ArrayList<>();
    private final InMemoryUserLanguages languages = new InMemoryUserLanguages();

    /** Ada shares in two groups with alerts on; no bot username, so nobody is nudged. */
    private GroupNotices wired() {
        GroupNotices notices = new GroupNotices();
        notices.directory = new GroupDirectory() {
            @Override
            public List<AlertTarget> alertTargets(long userId) {
                return userId == Notices.USER ? List.of(new AlertTarget(GROUP_CHAT, null, "Ada"),
                        new AlertTarget(OTHER_GROUP, 7, "Ada")) : List.of();
            }
        };
        notices.outbox = new Outbox() {
            @Override
            public List<Long> enqueue(OutgoingMessage message) {
                if (message.supersedeKey() != null) {
                    withdraw(message.chatId(), message.supersedeKey());
                }
                pending.add(message);
                return List.of((long) pending.size());
            }

            @Override
            public int withdraw(long chatId, String supersedeKey) {
                int before = pending.size();
                pending.removeIf(m -> m.chatId() == chatId && supersedeKey.equals(m.supersedeKey()));
                return before - pending.size();
            }
        };
        notices.connection = new BotConnection();
        notices.config = new GroupsConfig() {
            @Override
            public Duration alertBatchWindow() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration boardRefreshInterval() {
                return Duration.ofSeconds(10);
            }

            @Override
            public int boardMaxMembers() {
                return 25;
            }
        };
        notices.clock = Clock.fixed(Instant.parse("2030-01-01T10:00:00Z"), ZoneOffset.UTC);
        notices.languages = languages;
        return notices;
    }

    @Test
    void aPositionsLiquidation_withdrawsItsUnsentCriticalAlert_fromEveryGroup_beforeTheNewsGoesIn() {
        GroupNotices groups = wired();
        groups.onNotice(Notices.positionWarning(Notices.sent(RiskLevel.CRITICAL)));  // position 17, still in the batch
        groups.onNotice(Notices.poolWarning(Notices.sent(RiskLevel.CRITICAL)));
        assertThat(pending).hasSize(4);

        groups.onNotice(new Notice.IsolatedLiquidated(Notices.USER, 1, "BTCUSDT", Side.LONG, Notices.d("0.1"),
                Notices.d("77500"), Notices.d("77584.48"), Notices.d("406.706"), null, "17"));

        // the pool's alerts stay (it was not liquidated); the position's CRITICAL alerts are gone, the news is in
        assertThat(pending).extracting(OutgoingMessage::chatId, OutgoingMessage::supersedeKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(GROUP_CHAT, "group:cross:42"),
                org.assertj.core.groups.Tuple.tuple(OTHER_GROUP, "group:cross:42"),
                org.assertj.core.groups.Tuple.tuple(GROUP_CHAT, null),
                org.assertj.core.groups.Tuple.tuple(OTHER_GROUP, null));
        assertThat(pending.get(2).html()).contains("Ada").contains("liquidated");
    }

    @Test
    void aPoolLiquidation_withdrawsThePoolsUnsentCriticalAlert_andLeavesAnIsolatedPositionsAlone() {
        GroupNotices groups = wired();
        groups.onNotice(Notices.positionWarning(Notices.sent(RiskLevel.CRITICAL)));
        groups.onNotice(Notices.poolWarning(Notices.sent(RiskLevel.CRITICAL)));

        groups.onNotice(Notices.crossLiquidated());

        assertThat(pending).extracting(OutgoingMessage::supersedeKey)
                .containsExactly("group:position:17", "group:position:17", null, null);
    }

    @Test
    void criticalEntries_areAnnounced_andReplaceAnUnsentOneAboutTheSameSubject() {
        GroupNotices.GroupAlert position = GroupNotices.groupAlert(
                Notices.positionWarning(Notices.sent(RiskLevel.CRITICAL)), "Ada", EN).orElseThrow();
        GroupNotices.GroupAlert pool = GroupNotices.groupAlert(
                Notices.poolWarning(Notices.sent(RiskLevel.CRITICAL)), "Ada", EN).orElseThrow();

        assertThat(position.html()).contains("Ada").contains("BTCUSDT");
        assertThat(position.supersedeKey()).isEqualTo("group:position:17");
        assertThat(pool.supersedeKey()).isEqualTo("group:cross:42");
    }

    @Test
    void aMembersAlerts_areWrittenInTheMembersLanguage() {
        GroupNotices groups = wired();
        groups.onNotice(Notices.positionWarning(Notices.sent(RiskLevel.CRITICAL)));
        assertThat(pending.get(0).html()).isEqualTo("🔴 <b>Ada</b>: BTCUSDT LONG 20x isolated is <b>1.17% from "
                + "liquidation</b> (liq. 77,584.48).");

        languages.choose(Notices.USER, Language.RU, Instant.EPOCH);
        groups.onNotice(Notices.positionWarning(Notices.sent(RiskLevel.CRITICAL)));
        groups.onNotice(Notices.crossLiquidated());

        assertThat(pending).extracting(OutgoingMessage::html).contains(
                "🔴 <b>Ada</b>: BTCUSDT ЛОНГ 20x изолированная — <b>1,17% до ликвидации</b> (ликв. 77\u00A0584,48).",
                "⛔ <b>Ada</b> — кросс-пул ликвидирован: закрыты #2 ETHUSDT ЛОНГ 1,5, #3 SOL&lt;USDT&gt; ШОРТ 10, "
                        + "потеряно 3\u00A0000,00 USDT.");
    }

    @Test
    void liquidations_areAnnounced_andNeverReplaced() {
        assertThat(GroupNotices.groupAlert(Notices.isolatedLiquidated(), "Ada", EN)).get()
                .satisfies(alert -> assertThat(alert.supersedeKey()).isNull());
        assertThat(GroupNotices.groupAlert(Notices.crossLiquidated(), "Ada", EN)).get()
                .satisfies(alert -> assertThat(alert.supersedeKey()).isNull());
    }

    @Test
    void lowerLevels_reminders_drains_andFeedNews_stayPrivate() {
        assertThat(GroupNotices.groupAlert(Notices.positionWarning(Notices.sent(RiskLevel.DANGER)), "Ada", EN)).isEmpty();
        assertThat(GroupNotices.groupAlert(Notices.positionWarning(Notices.reminder()), "Ada", EN)).isEmpty();
        assertThat(GroupNotices.groupAlert(Notices.poolWarning(Notices.sent(RiskLevel.WARNING)), "Ada", EN)).isEmpty();
        assertThat(GroupNotices.groupAlert(Notices.drain(), "Ada", EN)).isEmpty();
        assertThat(GroupNotices.groupAlert(new Notice.FeedPaused(Notices.USER, Duration.ofMinutes(2)), "Ada", EN)).isEmpty();
    }
}
