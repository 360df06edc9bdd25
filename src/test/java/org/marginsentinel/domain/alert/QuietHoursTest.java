package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuietHoursTest {

    @ParameterizedTest(name = "[{index}] {0}-{1} at {2} -> {3}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            start, end, time,                 quiet
            # wrapping midnight: 23:00 to 06:59
            23,    7,   2026-03-02T22:59:59Z, false
            23,    7,   2026-03-02T23:00:00Z, true
            23,    7,   2026-03-03T00:00:00Z, true
            23,    7,   2026-03-03T06:59:59Z, true
            23,    7,   2026-03-03T07:00:00Z, false
            # same day: 13:00 to 14:59
            13,    15,  2026-03-02T12:59:59Z, false
            13,    15,  2026-03-02T13:00:00Z, true
            13,    15,  2026-03-02T15:00:00Z, false
            """)
    void contains_hourOfDayInUtc_startInsideEndOutside(int start, int end, Instant time, boolean quiet) {
        assertThat(QuietHours.of(start, end).contains(time)).isEqualTo(quiet);
    }

    @ParameterizedTest(name = "[{index}] {0}-{1}")
    @CsvSource(textBlock = """
            -1, 7
            23, 24
            5,  5
            """)
    void constructor_invalidHours_areRefused(int start, int end) {
        assertThatThrownBy(() -> QuietHours.of(start, end)).isInstanceOf(IllegalArgumentException.class);
    }
}
