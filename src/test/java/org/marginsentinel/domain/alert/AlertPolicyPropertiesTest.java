package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.marginsentinel.testsupport.Seeds;
import org.marginsentinel.domain.alert.AlertDecision.Reason;

/**
 * Invariants of the policy over long random sequences of readings, times and preferences. The metric walks
 * randomly with jumps, so it crosses thresholds and release values in both directions many times.
 * {@value #SEEDS} fixed seeds per property in one test each ({@link Seeds}: a failure names the seed that
 * reproduces it); a property about repeats or worsenings requires a minimum of sequences that had some.
 */
class AlertPolicyPropertiesTest {

    private static final Instant START = Instant.parse("2026-03-02T20:00:00Z");
    private static final int STEPS = 600;

    private final AlertPolicy policy = new AlertPolicy();

    static final int SEEDS = 200;

    @Test
    void evaluate_anySequence_neverSendsTheSameLevelTwiceWithinTheCooldown() {
        Seeds.check(SEEDS, 150, seed -> { // counted: sequences that sent some level again (171 of 200)
            Random random = new Random(seed);
            Scenario scenario = new Scenario(random);
            Map<RiskLevel, Instant> lastSent = new EnumMap<>(RiskLevel.class);
            boolean sentAgain = false;
            AlertState state = AlertState.initial();
            Instant now = START;
            for (int step = 0; step < STEPS; step++) {
                now = now.plusSeconds(random.nextInt(240));
                AlertPreferences preferences = scenario.preferences(random, now);
                AlertEvaluation evaluation = policy.evaluate(state, scenario.next(random), preferences, now);
                AlertDecision decision = evaluation.decision();
                if (decision.send() && decision.level() != RiskLevel.LIQUIDATED) {
                    Instant previous = lastSent.get(decision.level());
                    if (previous != null) {
                        assertThat(Duration.between(previous, now))
                                .as("seed %d step %d: %s sent at %s and again at %s", seed, step, decision.level(),
                                        previous, now)
                                .isGreaterThanOrEqualTo(AlertPolicy.COOLDOWN);
                        sentAgain = true;
                    }
                    lastSent.put(decision.level(), now);
                }
                state = evaluation.nextState();
            }
            return sentAgain;
        });
    }

    @Test
    void evaluate_anySequence_respectsPreferencesAndAlwaysReportsAFreshLiquidation() {
        Seeds.checkEvery(SEEDS, seed -> {
            Random random = new Random(seed);
            Scenario scenario = new Scenario(random);
            AlertState state = AlertState.initial();
            Instant now = START;
            for (int step = 0; step < STEPS; step++) {
                now = now.plusSeconds(random.nextInt(240));
                AlertPreferences preferences = scenario.preferences(random, now);
                RiskReading reading = scenario.next(random);
                AlertEvaluation evaluation = policy.evaluate(state, reading, preferences, now);
                AlertDecision decision = evaluation.decision();
                String where = "seed " + seed + " step " + step + " " + reading + " " + decision;

                if (reading.level(preferences.thresholds()) == RiskLevel.LIQUIDATED && state.level() != RiskLevel.LIQUIDATED) {
                    assertThat(decision.send()).as(where).isTrue();
                    assertThat(decision.level()).as(where).isEqualTo(RiskLevel.LIQUIDATED);
                }
                if (decision.send() && decision.level() != RiskLevel.LIQUIDATED) {
                    assertThat(preferences.enabled()).as(where).isTrue();
                    if (preferences.snoozedAt(now) || preferences.quietAt(now)) {
                        assertThat(decision.level()).as(where).isEqualTo(RiskLevel.CRITICAL);
                    }
                }
                assertThat(decision.silent()).as(where).isEqualTo(decision.reason() == Reason.CRITICAL_REPEAT);
                assertThat(decision.level()).as(where).isGreaterThanOrEqualTo(reading.level(preferences.thresholds()));
                // the state only ever records what was sent, or a lowering
                if (!decision.send()) {
                    assertThat(evaluation.nextState().level().isWorseThan(state.level())).as(where).isFalse();
                }
                state = evaluation.nextState();
            }
            return true;
        });
    }

    @Test
    void evaluate_withoutSuppression_announcesEveryWorseningAtOnce() {
        Seeds.check(SEEDS, 180, seed -> { // counted: sequences in which the risk got worse (195 of 200)
            Random random = new Random(seed);
            Scenario scenario = new Scenario(random);
            AlertState state = AlertState.initial();
            Instant now = START;
            boolean worsened = false;
            for (int step = 0; step < STEPS; step++) {
                // steps of at least the cooldown, alerts on, no snooze or quiet hours: nothing may hold a worsening back
                now = now.plus(AlertPolicy.COOLDOWN).plusSeconds(random.nextInt(60));
                RiskReading reading = scenario.next(random);
                AlertPreferences preferences = AlertPreferences.DEFAULTS.withThresholds(scenario.thresholds);
                AlertEvaluation evaluation = policy.evaluate(state, reading, preferences, now);

                RiskLevel measured = reading.level(scenario.thresholds);
                if (measured.isWorseThan(state.level())) {
                    assertThat(evaluation.decision().send()).as("seed %d step %d", seed, step).isTrue();
                    assertThat(evaluation.decision().level()).isEqualTo(measured);
                    worsened = true;
                }
                state = evaluation.nextState();
            }
            return worsened;
        });
    }

    /** One subject's random walk, with its own thresholds and preference schedule. */
    private static final class Scenario {

        final RiskThresholds thresholds;
        final RiskMetric metric;
        final boolean mayDisable;
        final QuietHours quietHours;
        double value;
        Instant snoozedUntil;

        Scenario(Random random) {
            thresholds = random.nextBoolean() ? RiskThresholds.DEFAULTS : randomThresholds(random);
            metric = random.nextBoolean() ? RiskMetric.DISTANCE_TO_LIQUIDATION : RiskMetric.MARGIN_RATIO;
            mayDisable = random.nextInt(4) == 0;
            int start = random.nextInt(24);
            quietHours = random.nextBoolean() ? QuietHours.of(start, (start + 1 + random.nextInt(23)) % 24) : null;
            value = metric == RiskMetric.DISTANCE_TO_LIQUIDATION ? 0.15 : 0.4;
        }

        RiskReading next(Random random) {
            double scale = metric == RiskMetric.DISTANCE_TO_LIQUIDATION ? 0.01 : 0.04;
            value += random.nextGaussian() * scale;
            if (random.nextInt(25) == 0) {
                value += (random.nextDouble() - 0.5) * scale * 20;
            }
            if (metric == RiskMetric.DISTANCE_TO_LIQUIDATION) {
                value = Math.max(-0.02, Math.min(0.4, value));
                if (random.nextInt(200) == 0) {
                    return RiskReading.distanceToLiquidation(null);
                }
                return RiskReading.distanceToLiquidation(BigDecimal.valueOf(value).setScale(5, java.math.RoundingMode.HALF_EVEN));
            }
            value = Math.max(0, Math.min(1.1, value));
            if (random.nextInt(200) == 0) {
                return RiskReading.marginRatio(null);
            }
            return RiskReading.marginRatio(BigDecimal.valueOf(value).setScale(5, java.math.RoundingMode.HALF_EVEN));
        }

        AlertPreferences preferences(Random random, Instant now) {
            if (random.nextInt(50) == 0) {
                snoozedUntil = now.plusSeconds(random.nextInt(7200));
            }
            boolean enabled = !(mayDisable && random.nextInt(3) == 0);
            return new AlertPreferences(thresholds, enabled, snoozedUntil, quietHours);
        }

        private static RiskThresholds randomThresholds(Random random) {
            int critical = 1 + random.nextInt(5);
            int danger = critical + 1 + random.nextInt(5);
            int warning = danger + 1 + random.nextInt(10);
            int crossWarning = 5 + random.nextInt(50);
            int crossDanger = crossWarning + 1 + random.nextInt(20);
            int crossCritical = crossDanger + 1 + random.nextInt(99 - crossDanger);
            return new RiskThresholds(percent(warning), percent(danger), percent(critical), percent(crossWarning),
                    percent(crossDanger), percent(crossCritical));
        }

        private static BigDecimal percent(int value) {
            return BigDecimal.valueOf(value, 2);
        }
    }
}
