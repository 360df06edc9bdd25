package org.marginsentinel.adapter.telegram.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledWarningTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ThrottledWarning warning = new ThrottledWarning(Duration.ofMinutes(1), nanos::get);

    @Test
    void aFloodWritesOneLineAMinute_thenSaysHowManyWereLeftOut() {
        assertThat(warning.occurred()).as("the first is logged at once").isZero();
        int logged = 0;
        for (int i = 0; i < 4_000; i++) {           // 4,000 wrong secrets within 5 s
            nanos.addAndGet(Duration.ofMillis(1).toNanos());
            if (warning.occurred() >= 0) {
                logged++;
            }
        }
        assertThat(logged).isZero();

        nanos.addAndGet(Duration.ofMinutes(1).toNanos());
        assertThat(warning.occurred()).isEqualTo(4_000);
        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(warning.occurred()).as("nothing left out since").isZero();
    }
}
