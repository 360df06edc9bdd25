package org.marginsentinel.application.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.ChartHistoryStore.PoolSample;

/** When the tick samples the cross pools for /chart pool: every interval, and at once after the clock went back. */
class ChartHistoryScheduleTest {

    private static final Instant T0 = Instant.parse("2032-06-01T08:00:30Z");

    private final ChartHistory history = historyWithInterval(Duration.ofMinutes(5));

    @Test
    void samplesFirstTick_thenOncePerInterval() {
        assertThat(history.poolSampleDue(T0)).isTrue();
        history.record(T0, Map.of(), List.of(pool(T0)));

        assertThat(history.poolSampleDue(T0.plus(Duration.ofMinutes(4)))).isFalse();
        assertThat(history.poolSampleDue(T0.plus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void clockWentBack_samplesAtOnce_insteadOfWaitingForTheOldTimeToComeAgain() {
        history.record(T0, Map.of(), List.of(pool(T0)));

        assertThat(history.poolSampleDue(T0.minus(Duration.ofDays(400)))).isTrue();
    }

    @Test
    void aMinuteWithoutPools_doesNotCountAsASample() {
        history.record(T0, Map.of(), List.of(pool(T0)));
        Instant later = T0.plus(Duration.ofMinutes(5));
        history.record(later, Map.of(), List.of());

        assertThat(history.poolSampleDue(later.plus(Duration.ofMinutes(1)))).isTrue();
    }

    private static PoolSample pool(Instant at) {
        return new PoolSample(7, at, java.math.BigDecimal.TEN, java.math.BigDecimal.ONE);
    }

    private static ChartHistory historyWithInterval(Duration interval) {
        ChartHistory history = new ChartHistory();
        history.settings = new ChartHistorySettings(Duration.ofHours(24), interval);
        history.store = new RecordingChartStore(); // the schedule is decided in memory; what is written is not asked here
        return history;
    }
}
