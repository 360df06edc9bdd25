package org.marginsentinel.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RealizedVolatilityTest {

    private static List<BigDecimal> closes(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    @Test
    void fromCloses_alternatingOnePercent_isLnOfOnePointZeroOneTimesRootTwentyFour() {
        DailyVolatility vol = RealizedVolatility.fromCloses(closes("100", "101", "100", "101", "100"),
                Duration.ofHours(1));

        // every hourly log return is ±ln(1.01) = 0.00995033; a day has 24 hours: × √24
        assertThat(vol.daily()).isCloseTo(0.04874646672426846, within(1e-14));
        assertThat(vol.returns()).isEqualTo(4);
        assertThat(vol.sampleInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(vol.over(Duration.ofHours(6))).isCloseTo(0.04874646672426846 / 2, within(1e-14));
    }

    @Test
    void fromCloses_dailyCandles_needNoScaling_andAFlatSeriesHasNone() {
        assertThat(RealizedVolatility.fromCloses(closes("100", "110"), Duration.ofDays(1)).daily())
                .isCloseTo(Math.log(1.1), within(1e-15));
        assertThat(RealizedVolatility.fromCloses(closes("5", "5", "5"), Duration.ofMinutes(15)).daily()).isZero();
    }

    @Test
    void fromCloses_ofASimulatedRandomWalk_recoversItsVolatility() {
        SplittableRandom random = new SplittableRandom(7);
        double hourly = 0.05 / Math.sqrt(24);
        List<BigDecimal> path = new ArrayList<>();
        double logPrice = Math.log(60_000);
        for (int i = 0; i <= 24 * 365; i++) {
            path.add(BigDecimal.valueOf(Math.exp(logPrice)));
            logPrice += hourly * random.nextGaussian();
        }

        assertThat(RealizedVolatility.fromCloses(path, Duration.ofHours(1)).daily()).isCloseTo(0.05, within(0.0015));
    }

    @Test
    void fromCloses_refusesTooFewOrNonPositiveCloses() {
        assertThatThrownBy(() -> RealizedVolatility.fromCloses(closes("100"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RealizedVolatility.fromCloses(closes("100", "0"), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
