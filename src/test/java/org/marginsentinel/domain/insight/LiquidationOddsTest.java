package org.marginsentinel.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.domain.margin.Side;

class LiquidationOddsTest {

    private static final Duration DAY = Duration.ofHours(24);
    /** −N⁻¹(0.025): the two-sided 95% quantile of the standard normal. */
    private static final double Z_975 = 1.959963984540054;

    private static DailyVolatility vol(double daily) {
        return new DailyVolatility(daily, 168, Duration.ofHours(1));
    }

    private static OddsEstimate odds(Side side, String mark, String liquidation, double daily, Duration horizon) {
        return LiquidationOdds.estimate(side, new BigDecimal(mark), new BigDecimal(liquidation), vol(daily), horizon)
                .orElseThrow();
    }

    // ---- the closed form ----

    @ParameterizedTest(name = "[{index}] {0} mark {1}, liquidation {2}, σ {3}, {4} h")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            side,  mark, liquidation, sigma, hours, probability,          volUnits
            # a = ln(100/90) = 0.1053605; a/σ = 2.1072103; 2·N(−2.1072103)
            LONG,  100,  90,          0.05,  24,    0.03509935336994152,  2.1072103131565267
            # a = ln(1.1) = 0.0953102; 2·N(−1.9062036)
            SHORT, 100,  110,         0.05,  24,    0.05662379586660804,  1.9062035960864985
            # six hours: σ√T = 0.025, so 2·N(−3.8124072)
            SHORT, 100,  110,         0.05,  6,     0.0001376199104738962, 1.9062035960864985
            """)
    void estimate_matchesTwoTimesTheNormalTail(Side side, String mark, String liquidation, double sigma, long hours,
                                               double probability, double volUnits) {
        OddsEstimate estimate = odds(side, mark, liquidation, sigma, Duration.ofHours(hours));

        assertThat(estimate.probability()).isCloseTo(probability, within(1e-12));
        assertThat(estimate.volUnits()).isCloseTo(volUnits, within(1e-12));
        assertThat(estimate.horizon()).isEqualTo(Duration.ofHours(hours));
    }

    @Test
    void touchProbability_oneSigmaAway_isTwoTimesNOfMinusOne() {
        assertThat(LiquidationOdds.touchProbability(0.04, 0.04)).isCloseTo(0.31731050786291415, within(1e-12));
        assertThat(LiquidationOdds.touchProbability(Z_975 * 0.04, 0.04)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void logDistanceFor_fivePercent_isNearlyTwoSigma_andInvertsTheTouchProbability() {
        double distance = LiquidationOdds.logDistanceFor(0.05, 0.03);

        assertThat(distance).isCloseTo(Z_975 * 0.03, within(1e-12));
        assertThat(LiquidationOdds.touchProbability(distance, 0.03)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void adverseMoveWithProbability_putAsTheLiquidationPrice_hasExactlyThatProbability() {
        DailyVolatility sigma = vol(0.04);
        double longMove = LiquidationOdds.adverseMoveWithProbability(Side.LONG, sigma, 0.05, DAY);
        double shortMove = LiquidationOdds.adverseMoveWithProbability(Side.SHORT, sigma, 0.05, DAY);

        // a = 1.96 × 0.04 = 0.0783986; long: 1 − e^(−a) = 7.54%, short: e^(a) − 1 = 8.16%
        assertThat(longMove).isCloseTo(0.075404, within(1e-6));
        assertThat(shortMove).isCloseTo(0.081553, within(1e-6));
        assertThat(odds(Side.LONG, "100", String.valueOf(100 * (1 - longMove)), 0.04, DAY).probability())
                .isCloseTo(0.05, within(1e-9));
        assertThat(odds(Side.SHORT, "100", String.valueOf(100 * (1 + shortMove)), 0.04, DAY).probability())
                .isCloseTo(0.05, within(1e-9));
    }

    @Test
    void estimate_markAtOrPastTheLiquidationPrice_isCertain() {
        assertThat(odds(Side.LONG, "89", "90", 0.05, DAY).probability()).isEqualTo(1.0);
        assertThat(odds(Side.LONG, "90", "90", 0.05, DAY).volUnits()).isZero();
        assertThat(odds(Side.SHORT, "111", "110", 0.05, DAY).probability()).isEqualTo(1.0);
    }

    @Test
    void estimate_noLiquidationPrice_isEmpty_andZeroVolatilityNeverTouches() {
        assertThat(LiquidationOdds.estimate(Side.LONG, BigDecimal.TEN, null, vol(0.05), DAY)).isEmpty();
        OddsEstimate calm = odds(Side.LONG, "100", "90", 0, DAY);
        assertThat(calm.probability()).isZero();
        assertThat(calm.volUnits()).isInfinite();
    }

    @Test
    void estimate_closerOrMoreVolatile_isMoreLikely() {
        double far = odds(Side.LONG, "100", "80", 0.05, DAY).probability();
        double near = odds(Side.LONG, "100", "95", 0.05, DAY).probability();
        double wild = odds(Side.LONG, "100", "80", 0.10, DAY).probability();

        assertThat(near).isGreaterThan(far);
        assertThat(wild).isGreaterThan(far);
        assertThat(odds(Side.LONG, "100", "80", 0.05, Duration.ofDays(7)).probability()).isGreaterThan(far);
    }

    @Test
    void logDistanceFor_refusesProbabilitiesOutsideZeroToOne() {
        assertThatThrownBy(() -> LiquidationOdds.logDistanceFor(0, 0.03)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LiquidationOdds.logDistanceFor(1, 0.03)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- a seeded Monte Carlo simulation of the same model ----

    /**
     * Simulates the mark as S·e^(σW) on a grid of {@code steps} per day and counts the paths that touch the
     * liquidation price. Between two grid points the path is a Brownian bridge, which touches a level d₀ and d₁
     * away from its ends with probability e^(−2 d₀ d₁ / (σ² Δt)); drawing that removes the grid's bias, so a coarse
     * grid simulates continuous monitoring exactly.
     */
    private static double simulatedTouchProbability(Side side, double mark, double liquidation, double sigma,
                                                    int paths, int steps, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double barrier = Math.log(liquidation / mark) * side.sign() * -1; // > 0: distance below (long) or above (short)
        double dt = 1.0 / steps;
        double stepSigma = sigma * Math.sqrt(dt);
        int touched = 0;
        for (int path = 0; path < paths; path++) {
            double distance = barrier; // how far the log price is from the liquidation level, adverse-positive
            for (int step = 0; step < steps; step++) {
                double next = distance + stepSigma * random.nextGaussian();
                if (next <= 0 || random.nextDouble() < Math.exp(-2 * distance * next / (sigma * sigma * dt))) {
                    touched++;
                    break;
                }
                distance = next;
            }
        }
        return touched / (double) paths;
    }

    @ParameterizedTest(name = "[{index}] {0} mark {1}, liquidation {2}, σ {3}")
    @CsvSource(textBlock = """
            LONG,  100,  92,   0.04
            LONG,  100,  97,   0.04
            SHORT, 2000, 2100, 0.03
            SHORT, 2000, 2500, 0.08
            """)
    void estimate_agreesWithASeededMonteCarloSimulation(Side side, double mark, double liquidation, double sigma) {
        int paths = 60_000;
        double simulated = simulatedTouchProbability(side, mark, liquidation, sigma, paths, 24, 20_300_101L);
        double model = odds(side, String.valueOf(mark), String.valueOf(liquidation), sigma, DAY).probability();

        double standardError = Math.sqrt(model * (1 - model) / paths);
        assertThat(simulated).as("model %.5f, simulated %.5f", model, simulated)
                .isCloseTo(model, within(4 * standardError + 1e-4));
    }
}
