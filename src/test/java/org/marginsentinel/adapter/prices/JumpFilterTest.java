package org.marginsentinel.adapter.prices;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.JumpFilter.Verdict;

/** One exchange's wick is held back; a real move gets through once confirmed. */
class JumpFilterTest {

    private final JumpFilter filter = new JumpFilter(new BigDecimal("0.10"), new BigDecimal("0.02"));

    private Verdict judge(String last, String price, String other) {
        return filter.judge("DOGEUSDT", last == null ? null : new BigDecimal(last), new BigDecimal(price),
                Optional.ofNullable(other).map(BigDecimal::new));
    }

    @Test
    void smallMovesAndTheFirstMark_areAcceptedWithoutAskingAnyone() {
        assertThat(filter.isJump(null, new BigDecimal("0.1"))).isFalse();
        assertThat(filter.isJump(new BigDecimal("0.1"), new BigDecimal("0.091"))).isFalse();
        assertThat(judge("0.1", "0.091", null)).isEqualTo(Verdict.ACCEPT);
        assertThat(judge("0.1", "0.11", null)).isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void wickContradictedByTheOtherExchange_isHeld_andNotAcceptedByRepeatingIt() {
        assertThat(filter.isJump(new BigDecimal("0.1"), new BigDecimal("0.075"))).isTrue();
        assertThat(judge("0.1", "0.075", "0.1")).isEqualTo(Verdict.HOLD_CONTRADICTED);
        assertThat(judge("0.1", "0.075", "0.1")).isEqualTo(Verdict.HOLD_CONTRADICTED);
        assertThat(judge("0.1", "0.1001", "0.1")).as("the wick is over").isEqualTo(Verdict.ACCEPT);
    }

    @Test
    void jumpConfirmedByTheOtherExchange_isAcceptedAtOnce() {
        assertThat(judge("0.1", "0.075", "0.0755")).isEqualTo(Verdict.ACCEPT_CONFIRMED_BY_OTHER);
    }

    @Test
    void jumpWithoutASecondOpinion_waitsForTheNextPollShowingItAgain() {
        assertThat(judge("0.1", "0.075", null)).isEqualTo(Verdict.HOLD_UNCONFIRMED);
        assertThat(judge("0.1", "0.0751", null)).isEqualTo(Verdict.ACCEPT_CONFIRMED_BY_REPEAT);
    }

    @Test
    void twoDifferentWicks_confirmNothing() {
        assertThat(judge("0.1", "0.075", null)).isEqualTo(Verdict.HOLD_UNCONFIRMED);
        assertThat(judge("0.1", "0.13", null)).isEqualTo(Verdict.HOLD_UNCONFIRMED);
        assertThat(judge("0.1", "0.1", null)).isEqualTo(Verdict.ACCEPT);
        assertThat(judge("0.1", "0.13", null)).as("the held wick was forgotten").isEqualTo(Verdict.HOLD_UNCONFIRMED);
    }

    @Test
    void exactlyTheLimit_isNoJump() {
        assertThat(filter.isJump(new BigDecimal("80000"), new BigDecimal("72000"))).isFalse();
        assertThat(filter.isJump(new BigDecimal("80000"), new BigDecimal("71999.99"))).isTrue();
    }
}
