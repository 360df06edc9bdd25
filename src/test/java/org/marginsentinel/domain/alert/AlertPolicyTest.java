package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.domain.alert.AlertDecision.Reason;

class AlertPolicyTest {

    /** A Monday at noon UTC: outside any quiet hours used here. */
    private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
    private static final Instant LONG_AGO = NOON.minus(Duration.ofHours(3));

    private final AlertPolicy policy = new AlertPolicy();

    /** A subject announced at {@code level} long ago: every cooldown has passed. */
    private static AlertState heldLongAgo(RiskLevel level) {
        if (level == RiskLevel.SAFE) {
            return AlertState.initial();
        }
        return new AlertState(level, LONG_AGO, LONG_AGO, LONG_AGO, LONG_AGO);
    }

    private static RiskReading distance(String value) {
        return RiskReading.distanceToLiquidation(value.equals("none") ? null : new BigDecimal(value));
    }

    private static RiskReading ratio(String value) {
        return RiskReading.marginRatio(value.equals("none") ? null : new BigDecimal(value));
    }

    @ParameterizedTest(name = "[{index}] held {0}, distance {1} -> {3} {4}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            held,       distance, send,  level,      reason,             next
            # defaults: warning <= 10%, danger <= 5%, critical <= 2%; release at x1.25: 12.5%, 6.25%, 2.5%
            SAFE,       0.20,     false, SAFE,       UNCHANGED,          SAFE
            SAFE,       none,     false, SAFE,       UNCHANGED,          SAFE
            SAFE,       0.10,     true,  WARNING,    ENTERED,            WARNING
            SAFE,       0.03,     true,  DANGER,     ENTERED,            DANGER
            SAFE,       0.02,     true,  CRITICAL,   ENTERED,            CRITICAL
            SAFE,       0,        true,  LIQUIDATED, ENTERED,            LIQUIDATED
            WARNING,    0.08,     false, WARNING,    UNCHANGED,          WARNING
            WARNING,    0.05,     true,  DANGER,     ESCALATED,          DANGER
            WARNING,    0.01,     true,  CRITICAL,   ESCALATED,          CRITICAL
            WARNING,    -0.001,   true,  LIQUIDATED, ESCALATED,          LIQUIDATED
            # de-escalation without a clear recovery keeps the level
            WARNING,    0.11,     false, WARNING,    HELD_BY_HYSTERESIS, WARNING
            WARNING,    0.1249,   false, WARNING,    HELD_BY_HYSTERESIS, WARNING
            # a clear recovery lowers it quietly; back to SAFE re-arms
            WARNING,    0.125,    false, SAFE,       RECOVERED,          SAFE
            WARNING,    none,     false, SAFE,       RECOVERED,          SAFE
            DANGER,     0.06,     false, DANGER,     HELD_BY_HYSTERESIS, DANGER
            DANGER,     0.0625,   false, WARNING,    DE_ESCALATED,       WARNING
            DANGER,     0.13,     false, SAFE,       RECOVERED,          SAFE
            CRITICAL,   0.024,    false, CRITICAL,   HELD_BY_HYSTERESIS, CRITICAL
            CRITICAL,   0.025,    false, DANGER,     DE_ESCALATED,       DANGER
            CRITICAL,   0.07,     false, WARNING,    DE_ESCALATED,       WARNING
            # a position hovering at its liquidation price is not reported liquidated twice
            LIQUIDATED, 0.015,    false, LIQUIDATED, HELD_BY_HYSTERESIS, LIQUIDATED
            LIQUIDATED, -0.01,    false, LIQUIDATED, UNCHANGED,          LIQUIDATED
            LIQUIDATED, 0.03,     false, DANGER,     DE_ESCALATED,       DANGER
            """)
    void evaluate_isolatedTransitions_followTheTable(RiskLevel held, String distance, boolean send, RiskLevel level,
                                                     Reason reason, RiskLevel next) {
        AlertEvaluation evaluation = policy.evaluate(heldLongAgo(held), distance(distance), AlertPreferences.DEFAULTS,
                NOON);

        assertThat(evaluation.decision().send()).isEqualTo(send);
        assertThat(evaluation.decision().level()).isEqualTo(level);
        assertThat(evaluation.decision().reason()).isEqualTo(reason);
        assertThat(evaluation.decision().silent()).isFalse();
        assertThat(evaluation.nextState().level()).isEqualTo(next);
    }

    @ParameterizedTest(name = "[{index}] held {0}, ratio {1} -> {3} {4}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            held,       ratio,  send,  level,      reason,             next
            # defaults: warning >= 50%, danger >= 70%, critical >= 85%; release 5 points under: 45%, 65%, 80%
            SAFE,       0.30,   false, SAFE,       UNCHANGED,          SAFE
            SAFE,       0.50,   true,  WARNING,    ENTERED,            WARNING
            SAFE,       0.72,   true,  DANGER,     ENTERED,            DANGER
            SAFE,       0.85,   true,  CRITICAL,   ENTERED,            CRITICAL
            SAFE,       1,      true,  LIQUIDATED, ENTERED,            LIQUIDATED
            SAFE,       none,   true,  LIQUIDATED, ENTERED,            LIQUIDATED
            WARNING,    0.69,   false, WARNING,    UNCHANGED,          WARNING
            WARNING,    0.70,   true,  DANGER,     ESCALATED,          DANGER
            DANGER,     0.90,   true,  CRITICAL,   ESCALATED,          CRITICAL
            WARNING,    0.46,   false, WARNING,    HELD_BY_HYSTERESIS, WARNING
            WARNING,    0.45,   false, SAFE,       RECOVERED,          SAFE
            DANGER,     0.66,   false, DANGER,     HELD_BY_HYSTERESIS, DANGER
            DANGER,     0.65,   false, WARNING,    DE_ESCALATED,       WARNING
            DANGER,     0.40,   false, SAFE,       RECOVERED,          SAFE
            CRITICAL,   0.81,   false, CRITICAL,   HELD_BY_HYSTERESIS, CRITICAL
            CRITICAL,   0.80,   false, DANGER,     DE_ESCALATED,       DANGER
            LIQUIDATED, 0.95,   false, LIQUIDATED, HELD_BY_HYSTERESIS, LIQUIDATED
            LIQUIDATED, 0.80,   false, DANGER,     DE_ESCALATED,       DANGER
            LIQUIDATED, 0,      false, SAFE,       RECOVERED,          SAFE
            """)
    void evaluate_crossTransitions_followTheTable(RiskLevel held, String ratio, boolean send, RiskLevel level,
                                                  Reason reason, RiskLevel next) {
        AlertEvaluation evaluation = policy.evaluate(heldLongAgo(held), ratio(ratio), AlertPreferences.DEFAULTS, NOON);

        assertThat(evaluation.decision().send()).isEqualTo(send);
        assertThat(evaluation.decision().level()).isEqualTo(level);
        assertThat(evaluation.decision().reason()).isEqualTo(reason);
        assertThat(evaluation.nextState().level()).isEqualTo(next);
    }

    @Test
    void evaluate_levelEntered_isAnnouncedOnceWhileItLasts() {
        AlertState state = AlertState.initial();
        int sent = 0;
        for (int minute = 0; minute < 120; minute++) {
            AlertEvaluation evaluation = policy.evaluate(state, distance("0.08"), AlertPreferences.DEFAULTS,
                    NOON.plus(Duration.ofMinutes(minute)));
            sent += evaluation.decision().send() ? 1 : 0;
            state = evaluation.nextState();
        }

        assertThat(sent).isEqualTo(1);
        assertThat(state.level()).isEqualTo(RiskLevel.WARNING);
        assertThat(state.lastWarningAt()).isEqualTo(NOON);
    }

    @Test
    void evaluate_escalationSecondsAfterAnAnnouncement_isSentImmediately() {
        AlertState warned = policy.evaluate(AlertState.initial(), distance("0.09"), AlertPreferences.DEFAULTS, NOON)
                .nextState();

        AlertEvaluation danger = policy.evaluate(warned, distance("0.04"), AlertPreferences.DEFAULTS,
                NOON.plusSeconds(5));
        AlertEvaluation critical = policy.evaluate(danger.nextState(), distance("0.015"), AlertPreferences.DEFAULTS,
                NOON.plusSeconds(10));

        assertThat(danger.decision()).isEqualTo(new AlertDecision(true, RiskLevel.DANGER, false, Reason.ESCALATED));
        assertThat(critical.decision()).isEqualTo(new AlertDecision(true, RiskLevel.CRITICAL, false, Reason.ESCALATED));
        assertThat(critical.nextState()).isEqualTo(new AlertState(RiskLevel.CRITICAL, NOON.plusSeconds(10), NOON,
                NOON.plusSeconds(5), NOON.plusSeconds(10)));
    }

    @ParameterizedTest(name = "[{index}] CRITICAL entered at noon, evaluated +{0}s -> send {1}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            secondsAfter, send
            1,            false
            599,          false
            600,          true
            """)
    void evaluate_criticalPersists_repeatsSilentlyEveryTenMinutes(long secondsAfter, boolean send) {
        AlertState critical = policy.evaluate(AlertState.initial(), distance("0.015"), AlertPreferences.DEFAULTS, NOON)
                .nextState();

        AlertEvaluation later = policy.evaluate(critical, distance("0.012"), AlertPreferences.DEFAULTS,
                NOON.plusSeconds(secondsAfter));

        assertThat(later.decision().send()).isEqualTo(send);
        if (send) {
            assertThat(later.decision()).isEqualTo(new AlertDecision(true, RiskLevel.CRITICAL, true,
                    Reason.CRITICAL_REPEAT));
            assertThat(later.nextState().lastCriticalAt()).isEqualTo(NOON.plusSeconds(secondsAfter));
            assertThat(later.nextState().since()).isEqualTo(NOON);
        } else {
            assertThat(later.decision().reason()).isEqualTo(Reason.UNCHANGED);
            assertThat(later.nextState()).isEqualTo(critical);
        }
    }

    @Test
    void evaluate_criticalEveryMinuteForAnHour_sendsTheEntryAndFiveSilentRepeats() {
        AlertState state = AlertState.initial();
        StringBuilder sends = new StringBuilder();
        for (int minute = 0; minute <= 59; minute++) {
            AlertEvaluation evaluation = policy.evaluate(state, ratio("0.9"), AlertPreferences.DEFAULTS,
                    NOON.plus(Duration.ofMinutes(minute)));
            if (evaluation.decision().send()) {
                sends.append(minute).append(evaluation.decision().silent() ? "s " : "! ");
            }
            state = evaluation.nextState();
        }

        assertThat(sends.toString().trim()).isEqualTo("0! 10s 20s 30s 40s 50s");
    }

    @Test
    void evaluate_criticalHeldByHysteresisButMeasuredDanger_doesNotRepeat() {
        AlertState critical = policy.evaluate(AlertState.initial(), distance("0.015"), AlertPreferences.DEFAULTS, NOON)
                .nextState();

        AlertEvaluation later = policy.evaluate(critical, distance("0.022"), AlertPreferences.DEFAULTS,
                NOON.plus(Duration.ofMinutes(30)));

        assertThat(later.decision().send()).isFalse();
        assertThat(later.decision().reason()).isEqualTo(Reason.HELD_BY_HYSTERESIS);
    }

    @Test
    void evaluate_recoveredToSafe_rearmsSoTheNextWorseningIsAnnouncedAgain() {
        AlertState warned = policy.evaluate(AlertState.initial(), distance("0.09"), AlertPreferences.DEFAULTS, NOON)
                .nextState();
        AlertEvaluation recovered = policy.evaluate(warned, distance("0.15"), AlertPreferences.DEFAULTS,
                NOON.plus(Duration.ofMinutes(20)));

        AlertEvaluation again = policy.evaluate(recovered.nextState(), distance("0.09"), AlertPreferences.DEFAULTS,
                NOON.plus(Duration.ofMinutes(40)));

        assertThat(recovered.decision()).isEqualTo(new AlertDecision(false, RiskLevel.SAFE, false, Reason.RECOVERED));
        assertThat(again.decision()).isEqualTo(new AlertDecision(true, RiskLevel.WARNING, false, Reason.ENTERED));
    }

    @Test
    void evaluate_noClearRecovery_doesNotRearm() {
        AlertState warned = policy.evaluate(AlertState.initial(), distance("0.09"), AlertPreferences.DEFAULTS, NOON)
                .nextState();
        // 11% is past the 10% threshold but short of the 12.5% release: the level is kept
        AlertState wobbled = policy.evaluate(warned, distance("0.11"), AlertPreferences.DEFAULTS,
                NOON.plus(Duration.ofMinutes(20))).nextState();

        AlertEvaluation back = policy.evaluate(wobbled, distance("0.09"), AlertPreferences.DEFAULTS,
                NOON.plus(Duration.ofMinutes(40)));

        assertThat(back.decision().send()).isFalse();
        assertThat(back.decision().reason()).isEqualTo(Reason.UNCHANGED);
    }

    @Test
    void evaluate_worsensAgainWithinTheCooldown_waitsForTheCooldownThenAnnounces() {
        AlertState warned = policy.evaluate(AlertState.initial(), distance("0.09"), AlertPreferences.DEFAULTS, NOON)
                .nextState();
        AlertState recovered = policy.evaluate(warned, distance("0.20"), AlertPreferences.DEFAULTS,
                NOON.plus(Duration.ofMinutes(2))).nextState();

        AlertEvaluation tooSoon = policy.evaluate(recovered, distance("0.09"), AlertPreferences.DEFAULTS,
                NOON.plus(Duration.ofMinutes(4)));
        AlertEvaluation afterCooldown = policy.evaluate(tooSoon.nextState(), distance("0.09"),
                AlertPreferences.DEFAULTS, NOON.plus(Duration.ofMinutes(10)));

        assertThat(tooSoon.decision()).isEqualTo(new AlertDecision(false, RiskLevel.WARNING, false,
                Reason.SUPPRESSED_COOLDOWN));
        assertThat(tooSoon.nextState()).isEqualTo(recovered);
        assertThat(afterCooldown.decision()).isEqualTo(new AlertDecision(true, RiskLevel.WARNING, false,
                Reason.ENTERED));
    }

    @ParameterizedTest(name = "[{index}] snoozed, {0} -> send {1}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            distance, send,  reason
            0.09,     false, SUPPRESSED_SNOOZED
            0.04,     false, SUPPRESSED_SNOOZED
            0.015,    true,  ENTERED
            -0.01,    true,  ENTERED
            """)
    void evaluate_snoozed_letsOnlyCriticalAndLiquidationThrough(String distance, boolean send, Reason reason) {
        AlertPreferences snoozed = AlertPreferences.DEFAULTS.withSnoozedUntil(NOON.plus(Duration.ofHours(1)));

        AlertEvaluation evaluation = policy.evaluate(AlertState.initial(), distance(distance), snoozed, NOON);

        assertThat(evaluation.decision().send()).isEqualTo(send);
        assertThat(evaluation.decision().reason()).isEqualTo(reason);
        assertThat(evaluation.nextState().level()).isEqualTo(send ? evaluation.decision().level() : RiskLevel.SAFE);
    }

    @Test
    void evaluate_levelSuppressedBySnooze_isAnnouncedWhenTheSnoozeEndsIfStillThere() {
        Instant snoozeEnd = NOON.plus(Duration.ofMinutes(30));
        AlertPreferences snoozed = AlertPreferences.DEFAULTS.withSnoozedUntil(snoozeEnd);
        AlertState state = policy.evaluate(AlertState.initial(), distance("0.04"), snoozed, NOON).nextState();
        state = policy.evaluate(state, distance("0.045"), snoozed, snoozeEnd.minusSeconds(1)).nextState();

        AlertEvaluation atEnd = policy.evaluate(state, distance("0.045"), snoozed, snoozeEnd);

        assertThat(state).isEqualTo(AlertState.initial());
        assertThat(atEnd.decision()).isEqualTo(new AlertDecision(true, RiskLevel.DANGER, false, Reason.ENTERED));
    }

    @Test
    void evaluate_levelSuppressedAndLeftDuringSnooze_isNotAnnouncedAfterwards() {
        AlertPreferences snoozed = AlertPreferences.DEFAULTS.withSnoozedUntil(NOON.plus(Duration.ofMinutes(30)));
        AlertState state = policy.evaluate(AlertState.initial(), distance("0.04"), snoozed, NOON).nextState();
        state = policy.evaluate(state, distance("0.30"), snoozed, NOON.plus(Duration.ofMinutes(20))).nextState();

        AlertEvaluation after = policy.evaluate(state, distance("0.30"), snoozed, NOON.plus(Duration.ofMinutes(31)));

        assertThat(after.decision().send()).isFalse();
    }

    @Test
    void evaluate_criticalRepeatDuringSnooze_stillComesThrough() {
        AlertPreferences snoozed = AlertPreferences.DEFAULTS.withSnoozedUntil(NOON.plus(Duration.ofHours(2)));
        AlertState critical = policy.evaluate(AlertState.initial(), distance("0.015"), snoozed, NOON).nextState();

        AlertEvaluation repeat = policy.evaluate(critical, distance("0.015"), snoozed, NOON.plus(Duration.ofMinutes(10)));

        assertThat(repeat.decision()).isEqualTo(new AlertDecision(true, RiskLevel.CRITICAL, true,
                Reason.CRITICAL_REPEAT));
    }

    @ParameterizedTest(name = "[{index}] alerts off, {0} -> send {1}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            distance, send,  reason
            0.09,     false, SUPPRESSED_DISABLED
            0.04,     false, SUPPRESSED_DISABLED
            0.015,    false, SUPPRESSED_DISABLED
            0,        true,  ENTERED
            """)
    void evaluate_alertsOff_letsOnlyLiquidationThrough(String distance, boolean send, Reason reason) {
        AlertPreferences off = AlertPreferences.DEFAULTS.withEnabled(false);

        AlertEvaluation evaluation = policy.evaluate(AlertState.initial(), distance(distance), off, NOON);

        assertThat(evaluation.decision().send()).isEqualTo(send);
        assertThat(evaluation.decision().reason()).isEqualTo(reason);
    }

    @Test
    void evaluate_alertsOffWhileCritical_noRepeats() {
        AlertState critical = policy.evaluate(AlertState.initial(), distance("0.015"), AlertPreferences.DEFAULTS, NOON)
                .nextState();

        AlertEvaluation repeat = policy.evaluate(critical, distance("0.015"), AlertPreferences.DEFAULTS.withEnabled(false),
                NOON.plus(Duration.ofMinutes(10)));

        assertThat(repeat.decision()).isEqualTo(new AlertDecision(false, RiskLevel.CRITICAL, false,
                Reason.SUPPRESSED_DISABLED));
    }

    @ParameterizedTest(name = "[{index}] quiet 23-07, {0} distance {1} -> send {2}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            time,                 distance, send,  reason
            2026-03-02T22:59:59Z, 0.09,     true,  ENTERED
            2026-03-02T23:00:00Z, 0.09,     false, SUPPRESSED_QUIET_HOURS
            2026-03-03T00:30:00Z, 0.04,     false, SUPPRESSED_QUIET_HOURS
            2026-03-03T06:59:59Z, 0.09,     false, SUPPRESSED_QUIET_HOURS
            2026-03-03T07:00:00Z, 0.09,     true,  ENTERED
            2026-03-03T03:00:00Z, 0.015,    true,  ENTERED
            2026-03-03T03:00:00Z, -0.5,     true,  ENTERED
            """)
    void evaluate_quietHoursWrappingMidnight_letOnlyCriticalAndLiquidationThrough(Instant time, String distance,
                                                                                 boolean send, Reason reason) {
        AlertPreferences quiet = AlertPreferences.DEFAULTS.withQuietHours(QuietHours.of(23, 7));

        AlertEvaluation evaluation = policy.evaluate(AlertState.initial(), distance(distance), quiet, time);

        assertThat(evaluation.decision().send()).isEqualTo(send);
        assertThat(evaluation.decision().reason()).isEqualTo(reason);
    }

    @Test
    void evaluate_dangerThroughTheNight_isAnnouncedAtTheEndOfQuietHours() {
        AlertPreferences quiet = AlertPreferences.DEFAULTS.withQuietHours(QuietHours.of(23, 7));
        AlertState state = AlertState.initial();
        Instant time = Instant.parse("2026-03-02T23:30:00Z");
        int sent = 0;
        Instant firstSend = null;
        while (time.isBefore(Instant.parse("2026-03-03T08:00:00Z"))) {
            AlertEvaluation evaluation = policy.evaluate(state, ratio("0.75"), quiet, time);
            if (evaluation.decision().send()) {
                sent++;
                firstSend = firstSend == null ? time : firstSend;
            }
            state = evaluation.nextState();
            time = time.plus(Duration.ofMinutes(1));
        }

        assertThat(sent).isEqualTo(1);
        assertThat(firstSend).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
    }

    @Test
    void evaluate_liquidation_isSentWhateverThePreferencesAndCooldown() {
        AlertPreferences everythingOff = AlertPreferences.DEFAULTS.withEnabled(false)
                .withSnoozedUntil(NOON.plus(Duration.ofDays(1))).withQuietHours(QuietHours.of(0, 23));
        // a liquidation was reported a minute ago, the pool recovered clearly, and is liquidated again
        AlertState recovered = new AlertState(RiskLevel.SAFE, NOON.minusSeconds(30), null, null,
                NOON.minusSeconds(90));

        AlertEvaluation evaluation = policy.evaluate(recovered, ratio("1.2"), everythingOff, NOON);

        assertThat(evaluation.decision()).isEqualTo(new AlertDecision(true, RiskLevel.LIQUIDATED, false,
                Reason.ENTERED));
        assertThat(evaluation.nextState().level()).isEqualTo(RiskLevel.LIQUIDATED);
    }

    @Test
    void evaluate_customThresholds_areTheUsers() {
        RiskThresholds tight = new RiskThresholds(new BigDecimal("0.30"), new BigDecimal("0.20"),
                new BigDecimal("0.10"), new BigDecimal("0.30"), new BigDecimal("0.50"), new BigDecimal("0.60"));

        AlertEvaluation evaluation = policy.evaluate(AlertState.initial(), distance("0.15"),
                AlertPreferences.DEFAULTS.withThresholds(tight), NOON);

        assertThat(evaluation.decision().level()).isEqualTo(RiskLevel.DANGER);
        assertThat(evaluation.decision().send()).isTrue();
    }
}
