package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.SourceGate.Recovery;
import org.marginsentinel.adapter.prices.SourceGate.RegionVerdict;

/** The cool-down policy of one source, with the time passed in. */
class SourceGateTest {

    private static final Instant T0 = Instant.parse("2026-09-19T13:20:00Z");
    private static final SourceGate.Policy POLICY = new SourceGate.Policy(3, Duration.ofMinutes(10),
            Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(10));

    private final SourceGate gate = new SourceGate(POLICY);

    @Test
    void regionRefusal_isBelievedOnlyAfterThreeInARow_beforeThatTheNextPollAsksAgain() {
        assertThat(gate.regionRefused(T0)).isEqualTo(RegionVerdict.UNCONFIRMED);
        assertThat(gate.allows(T0.plusSeconds(5), false)).isTrue();
        assertThat(gate.regionRefused(T0.plusSeconds(5))).isEqualTo(RegionVerdict.UNCONFIRMED);
        assertThat(gate.regionBlocked()).isFalse();

        assertThat(gate.regionRefused(T0.plusSeconds(10))).isEqualTo(RegionVerdict.CONFIRMED);

        assertThat(gate.regionBlocked()).isTrue();
        assertThat(gate.allows(T0.plusSeconds(15), false)).isFalse();
        assertThat(gate.closedUntil()).contains(T0.plusSeconds(10).plus(Duration.ofMinutes(10)));
        assertThat(gate.allows(T0.plusSeconds(10).plus(Duration.ofMinutes(10)), false)).isTrue();
        assertThat(gate.regionRefused(T0.plus(Duration.ofMinutes(11)))).isEqualTo(RegionVerdict.STILL_BLOCKED);
    }

    @Test
    void regionBlip_aGoodAnswerBetweenRefusals_startsTheCountAgain() {
        gate.regionRefused(T0);
        gate.regionRefused(T0.plusSeconds(5));
        assertThat(gate.answered()).isEqualTo(Recovery.NONE);

        assertThat(gate.regionRefused(T0.plusSeconds(10))).isEqualTo(RegionVerdict.UNCONFIRMED);
        assertThat(gate.allows(T0.plusSeconds(15), false)).isTrue();
    }

    @Test
    void confirmedBlock_isProbedEveryThirtySeconds_whileTheFeedIsBlind() {
        for (int i = 0; i < 3; i++) {
            gate.asking(T0.plusSeconds(5L * i));
            gate.regionRefused(T0.plusSeconds(5L * i));
        }
        Instant lastAsked = T0.plusSeconds(10);

        assertThat(gate.allows(lastAsked.plusSeconds(29), true)).isFalse();
        assertThat(gate.allows(lastAsked.plusSeconds(30), true)).isTrue();
        assertThat(gate.allows(lastAsked.plusSeconds(30), false)).as("another source delivers").isFalse();
        gate.asking(lastAsked.plusSeconds(30));
        assertThat(gate.allows(lastAsked.plusSeconds(35), true)).isFalse();
        assertThat(gate.answered()).isEqualTo(Recovery.REGION_UNBLOCKED);
        assertThat(gate.allows(lastAsked.plusSeconds(35), false)).isTrue();
    }

    @Test
    void rateLimit_isHonouredEvenWhileBlind() {
        gate.asking(T0);
        Instant until = gate.rateLimited(T0, Optional.of(Duration.ofSeconds(120)), Optional.empty(), false);

        assertThat(until).isEqualTo(T0.plusSeconds(120));
        assertThat(gate.allows(T0.plusSeconds(119), true)).isFalse();
        assertThat(gate.allows(T0.plusSeconds(120), true)).isTrue();
    }

    @Test
    void rateLimitWithoutHint_doublesFromFiveSecondsUpToTheCap() {
        assertThat(gate.rateLimited(T0, Optional.empty(), Optional.empty(), false)).isEqualTo(T0.plusSeconds(5));
        assertThat(gate.rateLimited(T0, Optional.empty(), Optional.empty(), false)).isEqualTo(T0.plusSeconds(10));
        assertThat(gate.rateLimited(T0, Optional.empty(), Optional.empty(), false)).isEqualTo(T0.plusSeconds(20));
        for (int i = 0; i < 20; i++) {
            gate.rateLimited(T0, Optional.empty(), Optional.empty(), false);
        }
        assertThat(gate.closedUntil()).contains(T0.plus(Duration.ofMinutes(10)));
    }

    @Test
    void ban_waitsAtLeastTwoMinutes_orUntilTheBanEnd_butNeverBeyondThreeDays() {
        assertThat(gate.rateLimited(T0, Optional.empty(), Optional.empty(), true)).isEqualTo(T0.plusSeconds(120));
        Instant banEnd = T0.plus(Duration.ofMinutes(7));
        assertThat(gate.rateLimited(T0, Optional.empty(), Optional.of(banEnd), true)).isEqualTo(banEnd);
        assertThat(gate.rateLimited(T0, Optional.empty(), Optional.of(T0.plus(Duration.ofDays(30))), true))
                .isEqualTo(T0.plus(Duration.ofDays(3)));
    }

    @Test
    void failures_areReportedOnceUntilTheSourceIsBack() {
        assertThat(gate.failed()).isTrue();
        assertThat(gate.failed()).isFalse();
        assertThat(gate.allows(T0, false)).as("its own retries and breaker handle failures").isTrue();

        assertThat(gate.answered()).isEqualTo(Recovery.BACK);
        assertThat(gate.failed()).isTrue();
    }
}
