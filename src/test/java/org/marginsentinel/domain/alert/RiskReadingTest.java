package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;

class RiskReadingTest {

    private final MarginCalculator calculator = new MarginCalculator(
            position -> TierSchedule.flat(new BigDecimal("0.004"), BigDecimal.ZERO));

    @Test
    void of_isolatedPositionRisk_readsTheDistance() {
        // long 1 @ 60,000 with 6,000 margin: LP = 54,000 / 0.996 = 54,216.867...; at 58,000 distance = 6.52%,
        // inside WARNING (<= 10%) and outside DANGER (<= 5%)
        Position position = Position.isolated("p", "BTCUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("60000"), 10);
        PositionRisk risk = calculator.isolated(position, new BigDecimal("58000"));

        RiskReading reading = RiskReading.of(risk);

        assertThat(reading.metric()).isEqualTo(RiskMetric.DISTANCE_TO_LIQUIDATION);
        assertThat(reading.value()).isEqualByComparingTo(risk.distanceToLiquidation());
        assertThat(reading.level(RiskThresholds.DEFAULTS)).isEqualTo(RiskLevel.WARNING);
    }

    @Test
    void of_crossPool_readsTheMarginRatio() {
        Position position = Position.cross("c", "BTCUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("60000"), 50);
        CrossAccountRisk pool = calculator.cross(new BigDecimal("700"),
                List.of(new PricedPosition(position, new BigDecimal("59600"))));

        RiskReading reading = RiskReading.of(pool);

        // margin balance 700 - 400 = 300, maintenance 59,600 x 0.4% = 238.4, ratio 0.79467
        assertThat(reading.metric()).isEqualTo(RiskMetric.MARGIN_RATIO);
        assertThat(reading.value()).isEqualByComparingTo(pool.marginRatio());
        assertThat(reading.level(RiskThresholds.DEFAULTS)).isEqualTo(RiskLevel.DANGER);
    }

    @Test
    void level_goneMarginBalance_isLiquidated() {
        assertThat(RiskReading.marginRatio(null).level(RiskThresholds.DEFAULTS)).isEqualTo(RiskLevel.LIQUIDATED);
        assertThat(RiskReading.distanceToLiquidation(null).level(RiskThresholds.DEFAULTS)).isEqualTo(RiskLevel.SAFE);
    }

    @Test
    void pool_isJudgedByTheWorseOfRatioAndDistance_andLeavesALevelOnlyWhenBothRecovered() {
        RiskThresholds t = RiskThresholds.DEFAULTS;
        // Ratio 40.8% is SAFE by ratio; 0.64% from liquidation is CRITICAL by distance.
        assertThat(RiskReading.pool(new java.math.BigDecimal("0.408"), new java.math.BigDecimal("0.0064")).level(t))
                .isEqualTo(RiskLevel.CRITICAL);
        assertThat(RiskReading.pool(new java.math.BigDecimal("0.72"), new java.math.BigDecimal("0.30")).level(t))
                .isEqualTo(RiskLevel.DANGER);
        assertThat(RiskReading.pool(new java.math.BigDecimal("0.2"), null).level(t)).isEqualTo(RiskLevel.SAFE);
        // Held at WARNING by distance: 11% is past the WARNING distance but not its release (12.5%).
        assertThat(RiskReading.pool(new java.math.BigDecimal("0.1"), new java.math.BigDecimal("0.11"))
                .level(t, RiskLevel.WARNING)).isEqualTo(RiskLevel.WARNING);
        assertThat(RiskReading.pool(new java.math.BigDecimal("0.1"), new java.math.BigDecimal("0.13"))
                .level(t, RiskLevel.WARNING)).isEqualTo(RiskLevel.SAFE);
    }
}
