package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.marginsentinel.adapter.telegram.trading.WarningTicket;
import org.marginsentinel.adapter.telegram.command.Button;
import org.junit.jupiter.api.BeforeEach;
import org.marginsentinel.adapter.telegram.i18n.InMemoryUserLanguages;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.delivery.Outbox;
import org.marginsentinel.adapter.telegram.delivery.OutgoingMessage;
import org.marginsentinel.adapter.telegram.groups.GroupNotices;
import org.marginsentinel.application.alert.SendUrgency;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.AlertDecision;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.margin.Side;

/** What the notifier queues for a notice: to whom, the words, how urgent, silent or not, what it replaces. */
class TelegramNotifierTest {

    private final List<OutgoingMessage> queued = new ArrayList<>();
    private final List<Long> ranks = new ArrayList<>();
    private final List<Notice> toGroups = new ArrayList<>();
    private final TelegramNotifier notifier = new TelegramNotifier();
    private final InMemoryUserLanguages languages = new InMemoryUserLanguages();

    @BeforeEach
    void wire() {
        notifier.outbox = new Outbox() {
            @Override
            public List<Long> enqueue(OutgoingMessage message) {
                return enqueue(message, SendUrgency.UNRANKED);
            }

            @Override
            public List<Long> enqueue(OutgoingMessage message, long sendRank) {
                queued.add(message);
                ranks.add(sendRank);
                return List.of((long) queued.size());
            }

            @Override
            public int withdraw(long chatId, String supersedeKey) {
                // as the store does: the chat's unsent messages under that key are dropped
                int before = queued.size();
                queued.removeIf(m -> m.chatId() == chatId && supersedeKey.equals(m.supersedeKey()));
                return before - queued.size();
            }
        };
        notifier.buttons = new WarningButtons() {
            @Override
            public List<List<Button>> issue(Notice notice, Texts texts) {
                return WarningTicket.of(notice).map(ticket -> ticket.buttons(7, Optional.empty(), texts))
                        .orElse(List.of());
            }
        };
        notifier.languages = languages;
        notifier.groups = new GroupNotices() {
            @Override
            public void onNotice(Notice notice) {
                toGroups.add(notice);
            }
        };
    }

    private OutgoingMessage notify(Notice notice) {
        notifier.notify(notice);
        assertThat(queued).hasSize(1);
        return queued.get(0);
    }

    @Test
    void aWarning_isQueuedWithItsUrgencyRank_nearestToLiquidationFirst() {
        Notice warning = Notices.positionWarning(Notices.sent(RiskLevel.DANGER));

        notify(warning);

        assertThat(ranks).containsExactly(SendUrgency.of(warning));
        assertThat(ranks.get(0)).isLessThan(SendUrgency.UNRANKED);
    }

    @Test
    void positionWarning_goesToTheUsersPrivateChat_replacingAnUnsentOneAboutThatPosition() {
        OutgoingMessage message = notify(Notices.positionWarning(Notices.sent(RiskLevel.DANGER)));

        assertThat(message.chatId()).isEqualTo(Notices.USER);
        assertThat(message.html()).contains("Mark 78,500.00 · liquidation 77,584.48 · <b>1.17% away</b>");
        assertThat(message.priority()).isEqualTo(OutgoingMessage.PRIORITY_DANGER);
        assertThat(message.supersedeKey()).isEqualTo("risk:position:17");
        assertThat(message.silent()).isFalse();
        assertThat(message.buttons()).flatMap(row -> row).extracting(Button::callbackData)
                .containsExactly("wa:7:m", "wa:7:c25", "wa:7:c50", "wa:7:c100", "wa:7:s");
        assertThat(toGroups).hasSize(1);
    }

    @Test
    void aSubjectsFirstWarning_goesAheadOfEveryEscalation_evenAWarningAheadOfACritical() {
        Notice first = Notices.positionWarning(new AlertDecision(true, RiskLevel.WARNING, false,
                AlertDecision.Reason.ENTERED));
        Notice escalation = Notices.positionWarning(Notices.sent(RiskLevel.CRITICAL));
        Notice liquidation = new Notice.IsolatedLiquidated(Notices.USER, 2, "ETHUSDT", Side.LONG, Notices.d("1"),
                Notices.d("3000"), Notices.d("3010"), Notices.d("150"), null);

        assertThat(TelegramNotifier.priority(first)).isEqualTo(OutgoingMessage.PRIORITY_FIRST_WARNING)
                .isLessThan(TelegramNotifier.priority(escalation))
                .isLessThan(TelegramNotifier.priority(liquidation))
                .isLessThan(OutgoingMessage.PRIORITY_REPLY);
        assertThat(TelegramNotifier.priority(escalation)).isEqualTo(OutgoingMessage.PRIORITY_CRITICAL);
        assertThat(notify(first).priority()).isEqualTo(OutgoingMessage.PRIORITY_FIRST_WARNING);
    }

    @Test
    void criticalReminder_isSilent_andFirstInLine() {
        OutgoingMessage message = notify(Notices.positionWarning(Notices.reminder()));

        assertThat(message.silent()).isTrue();
        assertThat(message.priority()).isEqualTo(OutgoingMessage.PRIORITY_CRITICAL);
    }

    @Test
    void poolWarning_replacesTheUsersUnsentPoolWarning() {
        OutgoingMessage message = notify(Notices.poolWarning(Notices.sent(RiskLevel.WARNING)));

        assertThat(message.priority()).isEqualTo(OutgoingMessage.PRIORITY_WARNING);
        assertThat(message.supersedeKey()).isEqualTo("risk:cross:42");
    }

    @Test
    void drainWarning_hasItsOwnKey_soItNeverReplacesAPoolWarning() {
        OutgoingMessage message = notify(Notices.drain());

        assertThat(message.supersedeKey()).isEqualTo("drain:cross:42").isNotEqualTo("risk:cross:42");
        assertThat(message.priority()).isEqualTo(OutgoingMessage.PRIORITY_WARNING);
    }

    @Test
    void aNewerPoolWarning_withdrawsTheUnsentDrainNotice_soItsOlderFiguresNeverFollowIt() {
        notifier.notify(Notices.drain());                                   // one tick: the pool drains
        notifier.notify(Notices.poolWarning(Notices.sent(RiskLevel.DANGER))); // the next: worse, with newer figures

        // the DANGER warning would go first (priority 15), the drain notice after it (20) with the older figures
        assertThat(queued).extracting(OutgoingMessage::supersedeKey).containsExactly("risk:cross:42");
    }

    @Test
    void aDrainNoticeOfTheSameTick_followsThePoolWarning_andAnotherUsersDrainIsUntouched() {
        notifier.notify(new Notice.DrainWarning(Notices.USER + 1, Notices.d("0.25"), Notices.d("-400"), null,
                Notices.d("1200"), Notices.d("0.85"), null));
        notifier.notify(Notices.poolWarning(Notices.sent(RiskLevel.WARNING)));
        notifier.notify(Notices.drain());

        assertThat(queued).extracting(OutgoingMessage::chatId, OutgoingMessage::supersedeKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Notices.USER + 1, "drain:cross:43"),
                org.assertj.core.groups.Tuple.tuple(Notices.USER, "risk:cross:42"),
                org.assertj.core.groups.Tuple.tuple(Notices.USER, "drain:cross:42"));
    }

    @Test
    void liquidations_goFirst_andAreNeverReplaced() {
        OutgoingMessage isolated = notify(Notices.isolatedLiquidated());
        queued.clear();
        OutgoingMessage cross = notify(Notices.crossLiquidated());

        assertThat(List.of(isolated, cross)).allSatisfy(message -> {
            assertThat(message.buttons()).isEmpty();
            assertThat(message.priority()).isEqualTo(OutgoingMessage.PRIORITY_CRITICAL);
            assertThat(message.supersedeKey()).isNull();
            assertThat(message.silent()).isFalse();
        });
        assertThat(isolated.html()).startsWith("<b>⛔ LIQUIDATED</b> · #1 <b>BTCUSDT LONG</b>");
    }

    @Test
    void feedPausedThenResumed_shareAKey_soOnlyTheLatestWaits() {
        OutgoingMessage paused = notify(new Notice.FeedPaused(Notices.USER, Duration.ofMinutes(3)));
        queued.clear();
        OutgoingMessage resumed = notify(new Notice.FeedResumed(Notices.USER));

        assertThat(paused.supersedeKey()).isEqualTo(resumed.supersedeKey()).isEqualTo("feed:account:42");
    }
}
