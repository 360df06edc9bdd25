package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskThresholdsTest {

    private static final RiskThresholds DEFAULTS = RiskThresholds.DEFAULTS;

    @ParameterizedTest(name = "[{index}] {0}: distance {1}, ratio {2}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            level,      releaseDistance, releaseMarginRatio
            # isolated: threshold x 1.25; cross: threshold - 0.05
            WARNING,    0.125,           0.45
            DANGER,     0.0625,          0.65
            CRITICAL,   0.025,           0.80
            # LIQUIDATED is left like CRITICAL
            LIQUIDATED, 0.025,           0.80
            """)
    void release_defaults_areTheDocumentedMargins(RiskLevel level, BigDecimal releaseDistance,
                                                  BigDecimal releaseMarginRatio) {
        assertThat(DEFAULTS.releaseDistance(level)).isEqualByComparingTo(releaseDistance);
        assertThat(DEFAULTS.releaseMarginRatio(level)).isEqualByComparingTo(releaseMarginRatio);
    }

    @Test
    void releaseMarginRatio_veryLowThreshold_isNeverUnderHalfTheThreshold() {
        RiskThresholds low = new RiskThresholds(new BigDecimal("0.10"), new BigDecimal("0.05"), new BigDecimal("0.02"),
                new BigDecimal("0.06"), new BigDecimal("0.30"), new BigDecimal("0.50"));

        assertThat(low.releaseMarginRatio(RiskLevel.WARNING)).isEqualByComparingTo("0.03");
        assertThat(low.forMarginRatio(new BigDecimal("0.03"), RiskLevel.WARNING)).isEqualTo(RiskLevel.SAFE);
    }

    @Test
    void release_safe_hasNoThreshold() {
        assertThatThrownBy(() -> DEFAULTS.releaseDistance(RiskLevel.SAFE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.releaseMarginRatio(RiskLevel.SAFE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}] held {0}, distance {1} -> {2}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            held,     distance, expected
            SAFE,     0.09,     WARNING
            WARNING,  0.03,     DANGER
            WARNING,  0.124,    WARNING
            WARNING,  0.125,    SAFE
            CRITICAL, 0.0249,   CRITICAL
            CRITICAL, 0.03,     DANGER
            CRITICAL, 0.20,     SAFE
            """)
    void forDistance_withHeldLevel_worsensAtOnceAndRecoversPastTheRelease(RiskLevel held, BigDecimal distance,
                                                                        RiskLevel expected) {
        assertThat(DEFAULTS.forDistance(distance, held)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] held {0}, ratio {1} -> {2}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            held,       ratio, expected
            SAFE,       0.55,  WARNING
            DANGER,     0.86,  CRITICAL
            DANGER,     0.651, DANGER
            DANGER,     0.65,  WARNING
            LIQUIDATED, 0.99,  LIQUIDATED
            LIQUIDATED, 0.10,  SAFE
            """)
    void forMarginRatio_withHeldLevel_worsensAtOnceAndRecoversPastTheRelease(RiskLevel held, BigDecimal ratio,
                                                                           RiskLevel expected) {
        assertThat(DEFAULTS.forMarginRatio(ratio, held)).isEqualTo(expected);
    }

    @Test
    void thresholdsByLevel_defaults_matchTheComponents() {
        assertThat(DEFAULTS.isolatedThreshold(RiskLevel.DANGER)).isEqualByComparingTo("0.05");
        assertThat(DEFAULTS.crossThreshold(RiskLevel.CRITICAL)).isEqualByComparingTo("0.85");
    }

    @Test
    void constructor_missingLevel_namesIt() {
        assertThatThrownBy(() -> new RiskThresholds(new BigDecimal("0.1"), null, new BigDecimal("0.02"),
                new BigDecimal("0.5"), new BigDecimal("0.7"), new BigDecimal("0.85")))
                .isInstanceOf(NullPointerException.class).hasMessage("isolatedDanger");
    }
}
