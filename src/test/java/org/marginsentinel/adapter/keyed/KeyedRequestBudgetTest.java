package org.marginsentinel.adapter.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.KeyedSourceUnavailable;
import org.marginsentinel.testsupport.fakes.MutableClock;

class KeyedRequestBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T22:00:00Z"));
    private final List<Duration> waits = new ArrayList<>();

    private KeyedRequestBudget budget(int requests, Duration period, Duration maxWait) {
        return new KeyedRequestBudget(requests, period, maxWait, clock, wait -> {
            waits.add(wait);
            clock.advance(wait);
        });
    }

    @Test
    void aBurstUpToTheBudgetGoesAtOnce_theNextWaitsForItsShare() {
        KeyedRequestBudget budget = budget(5, Duration.ofSeconds(2), Duration.ofSeconds(3));
        for (int i = 0; i < 5; i++) {
            budget.acquire("key");
        }
        assertThat(waits).isEmpty();

        budget.acquire("key");
        budget.acquire("key");

        assertThat(waits).containsExactly(Duration.ofMillis(400), Duration.ofMillis(400));
    }

    @Test
    void aWaitLongerThanAllowed_isRefusedAsRateLimited_andEachKeyHasItsOwnBudget() {
        KeyedRequestBudget budget = budget(2, Duration.ofSeconds(2), Duration.ofMillis(500));
        budget.acquire("busy");
        budget.acquire("busy");

        KeyedSourceUnavailable refused = catchThrowableOfType(KeyedSourceUnavailable.class,
                () -> budget.acquire("busy"));

        assertThat(refused.kind()).isEqualTo(KeyedSourceUnavailable.Kind.RATE_LIMITED);
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        budget.acquire("other");
        assertThat(waits).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        budget.acquire("busy");
        assertThat(waits).isEmpty();
    }
}
