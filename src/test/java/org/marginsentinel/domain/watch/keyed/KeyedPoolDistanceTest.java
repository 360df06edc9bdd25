package org.marginsentinel.domain.watch.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.cross;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.flatTiers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskReading;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

/**
 * Issues 12 and 13 for keyed accounts: a watched cross pool's survivable joint move, by its exchange's own maintenance
 * rule, makes a high-leverage pool with a harmless-looking margin ratio a warning.
 */
class KeyedPoolDistanceTest {

    private static final Offset<BigDecimal> CLOSE = Offset.offset(new BigDecimal("0.0001"));

    @Test
    void aBinanceCrossPool_withALowRatio_isInDangerByItsSurvivableMove() {
        // BTC long 1 at 95,000, cross 20x, on 4,750 USDT: maintenance 425 (Binance's bracket of 50k–500k: 0.5% less
        // 50), a 9% ratio. Margin balance 4,750 − 95,000·x meets maintenance 475·(1 − x) − 50 at
        // x = 4,325 / 94,525 = 4.58%.
        TierTable tiers = TierTable.shippedDefaults();
        KeyedValuation valuation = new BinanceValuer(new MarginCalculator(tiers), tiers).value(
                new ExchangeAccountSnapshot(Instant.parse("2026-12-01T00:00:00Z"), new BigDecimal("4750"),
                        new BigDecimal("4750"), new BigDecimal("425"), new BigDecimal("0.0895"), null,
                        List.of(cross("BTCUSDT", Side.LONG, "1", "95000", "95000", 20, "90700", "425"))));

        PoolDistance distance = valuation.poolDistance(symbol -> Optional.empty()).orElseThrow();

        assertThat(distance.move()).isCloseTo(new BigDecimal("0.045755"), CLOSE);
        assertThat(RiskThresholds.DEFAULTS.forMarginRatio(valuation.cross().marginRatio())).isEqualTo(RiskLevel.SAFE);
        assertThat(RiskReading.pool(valuation.cross().marginRatio(), distance.move()).level(RiskThresholds.DEFAULTS))
                .isEqualTo(RiskLevel.DANGER);
    }

    @Test
    void aBybitCrossPool_keepsItsMaintenanceAtEntry_whileTheMarksMove() {
        // The same pool on Bybit with a 0.5% tier: maintenance 475 valued at entry does not shrink as BTC falls, so the
        // pool survives exactly (4,750 − 475) / 95,000 = 4.5% (valued at the mark it would be 4.52%).
        KeyedValuation valuation = new BybitValuer(flatTiers("0.005", "Bybit"), KeyedPositions::harshEstimate)
                .value(KeyedPositions.snapshot("4750", cross("BTCUSDT", Side.LONG, "1", "95000", "95000", 20,
                        null, null)));

        PoolDistance distance = valuation.poolDistance(symbol -> Optional.empty()).orElseThrow();

        assertThat(distance.move()).isCloseTo(new BigDecimal("0.045"), CLOSE);
        assertThat(RiskReading.pool(valuation.cross().marginRatio(), distance.move()).level(RiskThresholds.DEFAULTS))
                .isEqualTo(RiskLevel.DANGER);
    }
}
