package org.marginsentinel.adapter.telegram.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.adapter.telegram.update.InboundRateLimiter.Verdict.ACCEPT;
import static org.marginsentinel.adapter.telegram.update.InboundRateLimiter.Verdict.SKIP;
import static org.marginsentinel.adapter.telegram.update.InboundRateLimiter.Verdict.SKIP_AND_TELL;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class InboundRateLimiterTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final InboundRateLimiter limiter = new InboundRateLimiter(5, 2, now::get);

    @Test
    void aBurstPasses_thenOneNotice_thenSilentSkips() {
        List<InboundRateLimiter.Verdict> verdicts = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            verdicts.add(limiter.admit(1));
        }
        assertThat(verdicts).containsExactly(ACCEPT, ACCEPT, ACCEPT, ACCEPT, ACCEPT, SKIP_AND_TELL, SKIP, SKIP, SKIP);
    }

    @Test
    void aHundredPerSecond_isCutToTheRate_withASingleNotice() {
        int accepted = 0;
        int notices = 0;
        for (int i = 0; i < 300; i++) {          // three seconds at 100 updates a second
            now.addAndGet(10 * MS);
            InboundRateLimiter.Verdict verdict = limiter.admit(1);
            accepted += verdict == ACCEPT ? 1 : 0;
            notices += verdict == SKIP_AND_TELL ? 1 : 0;
        }
        assertThat(accepted).as("the burst plus two a second").isBetween(5 + 5, 5 + 6);
        assertThat(notices).isEqualTo(1);
    }

    @Test
    void otherUsers_haveTheirOwnBudget() {
        for (int i = 0; i < 50; i++) {
            limiter.admit(1);
        }
        assertThat(limiter.admit(2)).isEqualTo(ACCEPT);
    }

    @Test
    void afterTheBucketRefills_aNewFloodGetsANewNotice() {
        for (int i = 0; i < 6; i++) {
            limiter.admit(1);
        }
        now.addAndGet(1_000 * MS);                // two tokens back: not quiet long enough
        assertThat(limiter.admit(1)).isEqualTo(ACCEPT);
        assertThat(limiter.admit(1)).isEqualTo(ACCEPT);
        assertThat(limiter.admit(1)).as("same flood, already told").isEqualTo(SKIP);

        now.addAndGet(3_000 * MS);                // full again
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.admit(1)).isEqualTo(ACCEPT);
        }
        assertThat(limiter.admit(1)).isEqualTo(SKIP_AND_TELL);
    }

    @Test
    void quietUsers_areForgotten() {
        for (long user = 0; user < 100; user++) {
            limiter.admit(user);
        }
        assertThat(limiter.trackedUsers()).isEqualTo(100);
        now.addAndGet(61_000 * MS);
        limiter.admit(1_000);
        assertThat(limiter.trackedUsers()).isEqualTo(1);
    }

    @Test
    void burstZero_turnsTheLimitOff() {
        InboundRateLimiter off = new InboundRateLimiter(0, 0, now::get);
        for (int i = 0; i < 1_000; i++) {
            assertThat(off.admit(1)).isEqualTo(ACCEPT);
        }
        assertThatThrownBy(() -> new InboundRateLimiter(5, 0, now::get)).isInstanceOf(IllegalArgumentException.class);
    }
}
