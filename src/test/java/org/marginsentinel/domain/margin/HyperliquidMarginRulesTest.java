package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A second venue is a second MarginRules: Hyperliquid's maintenance rate is 1/(2·max leverage) per tier. */
class HyperliquidMarginRulesTest {

    private final MarginRules rules = HyperliquidMarginRules.INSTANCE;

    @Test
    void schedule_maintenanceRateIsHalfTheInitialRateAtMaxLeverage_andContinuousAcrossTiers() {
        // BTC on mainnet: 40x up to 150 M, then 20x
        TierSchedule btc = rules.schedule(List.of(
                new PublishedTier(BigDecimal.ZERO, new BigDecimal("150000000"), 40, null, null),
                new PublishedTier(new BigDecimal("150000000"), null, 20, null, null)));

        assertThat(btc.tiers().get(0).maintenanceMarginRate()).isEqualByComparingTo("0.0125");
        assertThat(btc.tiers().get(1).maintenanceMarginRate()).isEqualByComparingTo("0.025");
        assertThat(btc.tiers().get(1).maintenanceAmount()).isEqualByComparingTo("1875000"); // 150 M × 1.25%
        assertThat(btc.maintenanceMargin(new BigDecimal("150000000"))).isEqualByComparingTo("1875000");
        assertThat(btc.maintenanceMargin(new BigDecimal("200000000"))).isEqualByComparingTo("3125000");
        assertThat(btc.maxLeverage(new BigDecimal("150000000"))).isEqualTo(40);
    }

    @Test
    void sameEngine_liquidatesAnIsolatedLongWhereMarginMeetsHalfTheMaxLeverageMargin() {
        TierSchedule eth = rules.schedule(List.of(new PublishedTier(BigDecimal.ZERO, null, 25, null, null)));
        MarginCalculator calculator = new MarginCalculator(position -> eth, rules);
        Position position = Position.isolated("p", "ETHUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"), 10);

        // 300 + (P − 3,000) = P × 2%  →  P = 2,700 / 0.98
        BigDecimal liquidation = calculator.isolatedLiquidationPrice(position).orElseThrow();

        assertThat(liquidation).isCloseTo(new BigDecimal("2755.10204082"), org.assertj.core.api.Assertions.within(
                new BigDecimal("1e-8")));
        assertThat(calculator.rules().venue()).isEqualTo("Hyperliquid");
    }
}
