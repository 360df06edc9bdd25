package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Born safe: the level an order's reply stated is held, and only a worse one is announced by the watch. */
class AlertPolicyOwnOrderTest {

    private static final Instant OPENED = Instant.parse("2030-01-01T10:00:00Z");
    private final AlertPolicy policy = new AlertPolicy();
    private final AlertPreferences prefs = AlertPreferences.DEFAULTS;

    private static RiskReading distance(String value) {
        return RiskReading.distanceToLiquidation(new BigDecimal(value));
    }

    @Test
    void openedInsideWarning_isHeldThere_andTheSameLevelIsNotAnnounced() {
        AlertState held = policy.afterOwnOrder(AlertState.initial(), distance("0.096"), prefs.thresholds(), OPENED);

        assertThat(held.level()).isEqualTo(RiskLevel.WARNING);
        AlertEvaluation seconds = policy.evaluate(held, distance("0.095"), prefs, OPENED.plusSeconds(5));
        assertThat(seconds.decision().send()).isFalse();
        AlertEvaluation worse = policy.evaluate(held, distance("0.045"), prefs, OPENED.plusSeconds(10));
        assertThat(worse.decision().send()).isTrue();
        assertThat(worse.decision().level()).isEqualTo(RiskLevel.DANGER);
    }

    @Test
    void openedCritical_isNotRepeatedAtOnce_butRemindedAfterTheInterval() {
        AlertState held = policy.afterOwnOrder(AlertState.initial(), distance("0.004"), prefs.thresholds(), OPENED);

        assertThat(held.level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(policy.evaluate(held, distance("0.004"), prefs, OPENED.plusSeconds(1)).decision().send()).isFalse();
        AlertEvaluation later = policy.evaluate(held, distance("0.004"), prefs,
                OPENED.plus(AlertPolicy.CRITICAL_REPEAT_INTERVAL));
        assertThat(later.decision().send()).isTrue();
        assertThat(later.decision().silent()).isTrue();
    }

    @Test
    void anOrderThatMakesItSafer_lowersTheHeldLevel_soTheNextWorseningIsWarnedAgain() {
        AlertState danger = policy.afterOwnOrder(AlertState.initial(), distance("0.04"), prefs.thresholds(), OPENED);
        AlertState afterMargin = policy.afterOwnOrder(danger, distance("0.30"), prefs.thresholds(),
                OPENED.plus(Duration.ofMinutes(1)));

        assertThat(afterMargin.level()).isEqualTo(RiskLevel.SAFE);
        AlertEvaluation warning = policy.evaluate(afterMargin, distance("0.09"), prefs, OPENED.plus(Duration.ofMinutes(2)));
        assertThat(warning.decision().send()).isTrue();
        assertThat(warning.decision().level()).isEqualTo(RiskLevel.WARNING);
    }

    @Test
    void anOrderAtTheSameLevel_changesNothing() {
        AlertState held = policy.afterOwnOrder(AlertState.initial(), distance("0.08"), prefs.thresholds(), OPENED);

        assertThat(policy.afterOwnOrder(held, distance("0.07"), prefs.thresholds(), OPENED.plusSeconds(30)))
                .isEqualTo(held);
    }
}
