package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
    private final MarkHistory history = new MarkHistory();

    private static Instant minute(long minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    @Test
    void markAt_recordedMinute_isThatMinutesLastMark() {
        history.record("BTCUSDT", minute(5), new BigDecimal("60000"));
        history.record("BTCUSDT", minute(5).plusSeconds(40), new BigDecimal("60100"));

        assertThat(history.markAt("BTCUSDT", minute(5).plusSeconds(10))).contains(new BigDecimal("60100"));
    }

    @Test
    void markAt_minuteWithoutMark_isTheEarliestRetainedAfterIt() {
        history.record("BTCUSDT", minute(5), new BigDecimal("60000"));
        history.record("BTCUSDT", minute(9), new BigDecimal("59000"));

        assertThat(history.markAt("BTCUSDT", minute(6))).contains(new BigDecimal("59000"));
        assertThat(history.markAt("BTCUSDT", minute(10))).isEmpty();
        assertThat(history.markAt("ETHUSDT", minute(6))).isEmpty();
    }

    @Test
    void markAt_beforeTheWindow_isTheOldestRetained() {
        for (long minute = 0; minute < 120; minute++) {
            history.record("BTCUSDT", minute(minute), BigDecimal.valueOf(60_000 + minute));
        }

        assertThat(history.markAt("BTCUSDT", minute(0))).contains(BigDecimal.valueOf(60_060));
        assertThat(history.retainedMinutes("BTCUSDT")).isEqualTo(60);
    }

    @Test
    void record_afterAGap_dropsOnlyTheMinutesThatLeftTheWindow() {
        for (long minute = 0; minute < 60; minute++) {
            history.record("BTCUSDT", minute(minute), BigDecimal.valueOf(60_000 + minute));
        }

        history.record("BTCUSDT", minute(65), new BigDecimal("61000"));

        assertThat(history.retainedMinutes("BTCUSDT")).isEqualTo(55);
        assertThat(history.markAt("BTCUSDT", minute(0))).contains(BigDecimal.valueOf(60_006));
        assertThat(history.markAt("BTCUSDT", minute(60))).contains(new BigDecimal("61000"));
    }

    @Test
    void record_gapLongerThanTheWindow_keepsOnlyTheNewMark() {
        history.record("BTCUSDT", minute(0), new BigDecimal("60000"));

        history.record("BTCUSDT", minute(500), new BigDecimal("61000"));

        assertThat(history.retainedMinutes("BTCUSDT")).isEqualTo(1);
    }

    @Test
    void forget_symbol_dropsItsHistory() {
        history.record("BTCUSDT", minute(0), new BigDecimal("60000"));

        history.forget("BTCUSDT");

        assertThat(history.markAt("BTCUSDT", minute(0))).isEmpty();
    }
}
