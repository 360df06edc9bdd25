package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedHealthTest {

    private static final Instant T0 = Instant.parse("2026-09-19T13:20:00Z");
    private final FeedHealth health = new FeedHealth(Duration.ofMinutes(2));

    @Test
    void twoMinutesWithoutData_pausesOnce_andTheNextDataResumesOnce() {
        assertThat(health.noData(T0)).isEmpty();
        assertThat(health.noData(T0.plusSeconds(119))).isEmpty();
        assertThat(health.noData(T0.plusSeconds(120))).contains(new FeedHealth.Change.Paused(T0));
        assertThat(health.noData(T0.plusSeconds(125))).isEmpty();
        assertThat(health.deadSince()).contains(T0);

        assertThat(health.gotData(T0.plusSeconds(130))).contains(new FeedHealth.Change.Resumed(T0, T0.plusSeconds(130)));
        assertThat(health.gotData(T0.plusSeconds(135))).isEmpty();
        assertThat(health.deadSince()).isEmpty();
    }

    @Test
    void shortOutage_announcesNothing() {
        health.noData(T0);
        assertThat(health.gotData(T0.plusSeconds(5))).isEmpty();
        assertThat(health.noData(T0.plusSeconds(130))).as("a new outage starts its own count").isEmpty();
    }
}
