package org.marginsentinel.adapter.telegram.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.alerts.Notices;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RiskLevel;

/** What a group hears of a sharing member's notice: CRITICAL entries and liquidations only. */
class GroupNoticesTest {

    @Test
    void criticalEntries_areAnnounced_andReplaceAnUnsentOneAboutTheSameSubject() {
        GroupNotices.GroupAlert position = GroupNotices.groupAlert(
                Notices.positionWarning(Notices.sent(RiskLevel.CRITICAL)), "Ada").orElseThrow();
        GroupNotices.GroupAlert pool = GroupNotices.groupAlert(
                Notices.poolWarning(Notices.sent(RiskLevel.CRITICAL)), "Ada").orElseThrow();

        assertThat(position.html()).contains("Ada").contains("BTCUSDT");
        assertThat(position.supersedeKey()).isEqualTo("group:position:17");
        assertThat(pool.supersedeKey()).isEqualTo("group:cross:42");
    }

    @Test
    void liquidations_areAnnounced_andNeverReplaced() {
        assertThat(GroupNotices.groupAlert(Notices.isolatedLiquidated(), "Ada")).get()
                .satisfies(alert -> assertThat(alert.supersedeKey()).isNull());
        assertThat(GroupNotices.groupAlert(Notices.crossLiquidated(), "Ada")).get()
                .satisfies(alert -> assertThat(alert.supersedeKey()).isNull());
    }

    @Test
    void lowerLevels_reminders_drains_andFeedNews_stayPrivate() {
        assertThat(GroupNotices.groupAlert(Notices.positionWarning(Notices.sent(RiskLevel.DANGER)), "Ada")).isEmpty();
        assertThat(GroupNotices.groupAlert(Notices.positionWarning(Notices.reminder()), "Ada")).isEmpty();
        assertThat(GroupNotices.groupAlert(Notices.poolWarning(Notices.sent(RiskLevel.WARNING)), "Ada")).isEmpty();
        assertThat(GroupNotices.groupAlert(Notices.drain(), "Ada")).isEmpty();
        assertThat(GroupNotices.groupAlert(new Notice.FeedPaused(Notices.USER, Duration.ofMinutes(2)), "Ada")).isEmpty();
    }
}
