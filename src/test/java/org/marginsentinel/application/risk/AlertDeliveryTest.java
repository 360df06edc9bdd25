package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.AlertState;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.testsupport.fakes.InMemoryAlertStore;
import org.marginsentinel.testsupport.fakes.RecordingNotifier;

/** A state and its notice are stored together; a state without a notice queues nothing. */
class AlertDeliveryTest {

    private final InMemoryAlertStore alerts = new InMemoryAlertStore();
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final AlertDelivery delivery = new AlertDelivery(alerts, notifier);
    private final Instant now = Instant.parse("2030-01-01T10:00:00Z");
    private final AlertState warned = new AlertState(RiskLevel.WARNING, now, now, null, null);

    @Test
    void deliverAll_storesEveryStateAndQueuesOnlyTheNotices() {
        Notice paused = new Notice.FeedPaused(1, Duration.ofMinutes(2));

        delivery.deliverAll(List.of(new AlertDelivery.Entry("position:1", 1, warned, paused),
                new AlertDelivery.Entry("cross:2", 2, warned, null)));

        assertThat(alerts.allStates()).containsOnlyKeys("position:1", "cross:2");
        assertThat(notifier.notices()).containsExactly(paused);
    }

    @Test
    void forget_dropsTheState_broadcast_queuesWithoutState() {
        delivery.deliver("position:1", 1, warned, null);

        delivery.forget("position:1");
        delivery.broadcast(List.of(new Notice.FeedResumed(1), new Notice.FeedResumed(2)));

        assertThat(alerts.allStates()).isEmpty();
        assertThat(notifier.notices()).hasSize(2);
    }
}
