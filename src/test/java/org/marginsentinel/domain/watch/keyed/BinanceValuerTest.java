package org.marginsentinel.domain.watch.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.watch.SecondOpinion;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;

/**
 * The bot's engine with Binance's brackets next to Binance's own figures. BTCUSDT's and ETHUSDT's first bracket:
 * maintenance rate 0.4%, amount 0.
 */
class BinanceValuerTest {

    private static final TierTable TIERS = TierTable.shippedDefaults();
    private final BinanceValuer valuer = new BinanceValuer(new MarginCalculator(TIERS), TIERS);

    /** Isolated long 0.5 BTC @ 60,000 with 1,500 isolated: (1,500 − 30,000) / (0.5 × 0.004 − 0.5) = 57,228.92. */
    private static ExchangePosition btc(String binanceLiquidation, Integer adl) {
        return new ExchangePosition("BTCUSDT", Side.LONG, new BigDecimal("0.5"), new BigDecimal("60000"),
                new BigDecimal("58000"), MarginMode.ISOLATED, 20, new BigDecimal("1500"), new BigDecimal("-1000"),
                binanceLiquidation == null ? null : new BigDecimal(binanceLiquidation), new BigDecimal("116"), adl,
                adl == null ? null : 4);
    }

    /** Cross short 2 ETH @ 3,000, the pool's wallet 2,500 − 1,500 = 1,000: (1,000 + 6,000) / (2 × 0.004 + 2) = 3,486.06. */
    private static ExchangePosition eth(String binanceLiquidation) {
        return new ExchangePosition("ETHUSDT", Side.SHORT, new BigDecimal("2"), new BigDecimal("3000"),
                new BigDecimal("3100"), MarginMode.CROSS, 10, null, new BigDecimal("-200"),
                new BigDecimal(binanceLiquidation), new BigDecimal("24.8"), 1, 4);
    }

    private static ExchangeAccountSnapshot account(ExchangePosition... positions) {
        return new ExchangeAccountSnapshot(Instant.parse("2026-12-01T00:00:00Z"), new BigDecimal("2500"),
                new BigDecimal("1300"), new BigDecimal("140.8"), new BigDecimal("0.10830769"), null, List.of(positions));
    }

    @Test
    void binancesPricesAgreeWithTheEngine_andTheAccountMarginRatioIsBinances() {
        KeyedValuation valuation = valuer.value(account(btc("57228.92", null), eth("3486.06")));

        assertThat(valuation.positions()).hasSize(2);
        KeyedValuation.Valued isolated = valuation.positions().get(0);
        assertThat(isolated.risk().liquidationPrice()).isCloseTo(new BigDecimal("57228.9157"), within("0.001"));
        assertThat(isolated.opinion().verdict()).isEqualTo(SecondOpinion.Verdict.AGREE);
        assertThat(isolated.explanation()).isNull();
        KeyedValuation.Valued cross = valuation.positions().get(1);
        assertThat(cross.risk().liquidationPrice()).isCloseTo(new BigDecimal("3486.0558"), within("0.001"));
        assertThat(cross.opinion().agrees()).isTrue();
        assertThat(valuation.cross().walletBalance()).as("wallet minus the isolated wallet").isEqualByComparingTo("1000");
        assertThat(valuation.ownMarginRatio()).as("(116 + 24.8) / (2,500 − 1,000 − 200)")
                .isCloseTo(new BigDecimal("0.10830769"), within("0.0000001"));
    }

    @Test
    void aDifferentPrice_isCalledADifference_andExplained() {
        KeyedValuation valuation = valuer.value(account(btc(null, null), eth("3600")));

        KeyedValuation.Valued isolated = valuation.positions().get(0);
        assertThat(isolated.opinion().verdict()).isEqualTo(SecondOpinion.Verdict.EXCHANGE_HAS_NONE);
        assertThat(isolated.explanation().kinds()).startsWith(Kind.BINANCE_GIVES_NONE);
        KeyedValuation.Valued cross = valuation.positions().get(1);
        assertThat(cross.opinion().verdict()).isEqualTo(SecondOpinion.Verdict.DIFFERS);
        assertThat(cross.opinion().gap()).isGreaterThan(new BigDecimal("0.03"));
        assertThat(cross.explanation().kinds()).startsWith(Kind.BINANCE_CROSS_DIFFERS).endsWith(Kind.EXCHANGE_LIQUIDATES);
    }

    @Test
    void anIsolatedRowWithoutMargin_isShownNotValued() {
        ExchangePosition noMargin = new ExchangePosition("BTCUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("60000"),
                new BigDecimal("60000"), MarginMode.ISOLATED, 10, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null,
                null);

        KeyedValuation valuation = valuer.value(account(noMargin));

        assertThat(valuation.positions()).isEmpty();
        assertThat(valuation.notValued()).containsExactly(noMargin);
        assertThat(valuation.ownMarginRatio()).isNull();
    }

    @Test
    void adl_aWinningPositionAtTheTopOfTheQueueIsHigh_aLosingOneOrALowerRankIsNot() {
        assertThat(KeyPolicy.highInAdlQueue(btc(null, 4), new BigDecimal("250"))).isTrue();
        assertThat(KeyPolicy.highInAdlQueue(btc(null, 3), new BigDecimal("250"))).isFalse();
        assertThat(KeyPolicy.highInAdlQueue(btc(null, 4), new BigDecimal("-250"))).isFalse();
        assertThat(KeyPolicy.highInAdlQueue(btc(null, null), new BigDecimal("250"))).isFalse();
    }

    private static org.assertj.core.data.Offset<BigDecimal> within(String offset) {
        return org.assertj.core.data.Offset.offset(new BigDecimal(offset));
    }
}
