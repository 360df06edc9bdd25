package org.marginsentinel.domain.watch.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.cross;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.d;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.flatTiers;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.isolated;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.noTiers;
import static org.marginsentinel.domain.watch.keyed.KeyedPositions.snapshot;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.domain.margin.ListedTiers;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.watch.SecondOpinion.Verdict;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;

class OkxValuerTest {

    private static final BigDecimal FEE = d("0.0005");
    private final OkxValuer withTiers = new OkxValuer(flatTiers("0.004", "OKX position tiers"),
            KeyedPositions::harshEstimate, FEE);

    @ParameterizedTest(name = "[{index}] {arguments}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            side,  liquidation
            # margin + side·q·(P − E) = q·P·(MMR + fee): long (60,000 − 6,000) / (1 − 0.45%)
            LONG,  54244.09844
            # short (60,000 + 6,000) / (1 + 0.45%)
            SHORT, 65704.33051
            """)
    void isolated_liquidatesWhereTheMarginRatioReaches100Percent(Side side, BigDecimal liquidation) {
        ExchangePosition position = isolated("BTC-USDT-SWAP", side, "1", "60000", "60000", 10, "6000", null, null);

        KeyedValuation.Valued valued = withTiers.value(snapshot("100000", position)).positions().get(0);

        assertThat(valued.opinion().own()).isCloseTo(liquidation, within(d("0.00001")));
        assertThat(valued.opinion().verdict()).isEqualTo(Verdict.EXCHANGE_HAS_NONE);
    }

    @ParameterizedTest(name = "[{index}] {arguments}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            size, margin, liquidation
            # 0.5 BTC is in tier 1 by size (a 30,000 notional would be tier 2 by notional): (60,000 − 6,000) / (1 − 0.45%)
            0.5,  3000,   54244.0984429934706
            # 2 BTC is in tier 2, its 0.6% on the whole notional: (60,000 − 6,000) / (1 − 0.65%)
            2,    12000,  54353.2964267740312
            """)
    void okxsTiers_goBySize_andTheirRateCoversTheWholeNotional(String size, String margin, BigDecimal liquidation) {
        // OKX's tiers in coins: up to 1 BTC at 0.4%, above at 0.6%
        ListedTiers bySize = new ListedTiers(TierSchedule.of(List.of(
                new MaintenanceTier(BigDecimal.ZERO, BigDecimal.ONE, d("0.004"), BigDecimal.ZERO, 100),
                new MaintenanceTier(BigDecimal.ONE, null, d("0.006"), BigDecimal.ZERO, 50))),
                new TierSource(TierSource.OKX, LocalDate.of(2026, 12, 4)));
        OkxValuer valuer = new OkxValuer(symbol -> Optional.of(bySize), KeyedPositions::harshEstimate, FEE);
        ExchangePosition position = isolated("BTC-USDT-SWAP", Side.LONG, size, "60000", "60000", 10, margin, null,
                null);

        KeyedValuation.Valued valued = valuer.value(snapshot("100000", position)).positions().get(0);

        assertThat(valued.opinion().own()).isCloseTo(liquidation, within(d("1e-9")));
        assertThat(valued.explanation().kinds()).as("exact: only OKX's own missing price is explained")
                .containsExactly(Kind.OKX_GIVES_NONE_ISOLATED);
        assertThat(valuer.portfolio(snapshot("100000", position)).orElseThrow().positions().get(0).position()
                .quantity()).isEqualByComparingTo(size);
    }

    /** OKX's tiers in coins: up to 1 BTC at 0.4%, above at 0.6%. */
    private static final ListedTiers BY_SIZE = new ListedTiers(TierSchedule.of(List.of(
            new MaintenanceTier(BigDecimal.ZERO, BigDecimal.ONE, d("0.004"), BigDecimal.ZERO, 100),
            new MaintenanceTier(BigDecimal.ONE, null, d("0.006"), BigDecimal.ZERO, 50))),
            new TierSource(TierSource.OKX, LocalDate.of(2026, 12, 4)));

    @Test
    void aHedgeAccountsLongAndShortOfOneSwap_eachSitInTheTierOfTheirOwnSize() {
        OkxValuer valuer = new OkxValuer(symbol -> Optional.of(BY_SIZE), KeyedPositions::harshEstimate, FEE);
        ExchangePosition smallLong = isolated("BTC-USDT-SWAP", Side.LONG, "0.5", "60000", "60000", 10, "3000", null,
                null);
        ExchangePosition bigShort = isolated("BTC-USDT-SWAP", Side.SHORT, "2", "60000", "60000", 10, "12000", null,
                null);

        List<KeyedValuation.Valued> valued = valuer.value(snapshot("100000", smallLong, bigShort)).positions();

        // long 0.5 BTC, tier 1: 3,000 + 0.5·(P − 60,000) = 0.5·P·(0.4% + 0.05%) → P = 54,000 / 0.9955
        assertThat(valued.get(0).opinion().own()).isCloseTo(d("54244.0984429934706"), within(d("1e-9")));
        // short 2 BTC, tier 2: 12,000 − 2·(P − 60,000) = 2·P·(0.6% + 0.05%) → P = 66,000 / 1.0065
        // (with the long's tier it would be 66,000 / 1.0045 = 65,704.33)
        assertThat(valued.get(1).opinion().own()).isCloseTo(d("65573.7704918032787"), within(d("1e-9")));
        // its requirement at the mark: 2 × 60,000 × 0.65% = 780
        assertThat(valued.get(1).risk().maintenanceMargin()).isEqualByComparingTo("780");
    }

    @Test
    void aCrossHedge_addsEachLegsRequirementAtItsOwnTier() {
        OkxValuer valuer = new OkxValuer(symbol -> Optional.of(BY_SIZE), KeyedPositions::harshEstimate, FEE);
        ExchangePosition smallLong = cross("BTC-USDT-SWAP", Side.LONG, "0.5", "60000", "61000", 10, null, null);
        ExchangePosition bigShort = cross("BTC-USDT-SWAP", Side.SHORT, "2", "60000", "61000", 10, null, null);

        KeyedValuation valuation = valuer.value(snapshot("20000", smallLong, bigShort));

        // 0.5 × 61,000 × (0.4% + 0.05%) = 137.25 plus 2 × 61,000 × (0.6% + 0.05%) = 793
        assertThat(valuation.cross().maintenanceMargin()).isEqualByComparingTo("930.25");
    }

    @Test
    void atTheBotsLiquidationPrice_equityEqualsMaintenancePlusTheFee() {
        Random random = new Random(4);
        int checked = 0;
        for (int i = 0; i < 300; i++) {
            Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
            BigDecimal entry = BigDecimal.valueOf(1 + random.nextInt(90_000));
            BigDecimal size = BigDecimal.valueOf(1 + random.nextInt(10_000)).movePointLeft(3);
            int leverage = 1 + random.nextInt(100);
            BigDecimal margin = size.multiply(entry).divide(BigDecimal.valueOf(leverage), 8, RoundingMode.HALF_UP);
            ExchangePosition position = isolated("X-USDT-SWAP", side, size.toPlainString(), entry.toPlainString(),
                    entry.toPlainString(), leverage, margin.toPlainString(), null, null);

            BigDecimal liquidation = withTiers.value(snapshot("1", position)).positions().get(0).opinion().own();

            if (liquidation != null) {
                BigDecimal equity = margin.add(side.signDecimal().multiply(size).multiply(liquidation.subtract(entry)));
                BigDecimal requirement = size.multiply(liquidation).multiply(d("0.004").add(FEE));
                assertThat(equity.doubleValue()).as("case %d", i)
                        .isCloseTo(requirement.doubleValue(), within(1e-9 * Math.max(1, requirement.doubleValue())));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void withoutOkxTiers_okxsOwnRateAtTheMarkIsUsed_andSaidToBeEstimated() {
        OkxValuer valuer = new OkxValuer(noTiers(), KeyedPositions::harshEstimate, FEE);
        // OKX's mmr at the mark: 1 × 60,000 × 0.4% = 240
        ExchangePosition position = isolated("BTC-USDT-SWAP", Side.LONG, "1", "60000", "60000", 10, "6000",
                "54244.1", "240");

        KeyedValuation.Valued valued = valuer.value(snapshot("100000", position)).positions().get(0);

        assertThat(valued.opinion().own()).isCloseTo(d("54244.09844"), within(d("0.00001")));
        assertThat(valued.opinion().verdict()).isEqualTo(Verdict.AGREE);
        KeyedExplanation.Reason estimate = valued.explanation().reasons().get(0);
        assertThat(estimate.kind()).isEqualTo(Kind.OKX_RATE_AT_MARK);
        assertThat(estimate.symbol()).isEqualTo("BTC-USDT-SWAP");
        assertThat(estimate.rate()).as("240 / 60,000").isEqualByComparingTo("0.004");
        assertThat(estimate.fee()).isEqualByComparingTo("0.0005");
    }

    @Test
    void theAccountsRatio_isOkxsConvention_equityOverRequirement_andLiquidationAt100Percent() {
        ExchangePosition btc = cross("BTC-USDT-SWAP", Side.LONG, "0.5", "60000", "61000", 10, "41000.3", "122");
        ExchangePosition eth = isolated("ETH-USDT-SWAP", Side.SHORT, "2", "3000", "3100", 5, "1200", "3561.4", "24.8");

        KeyedValuation valuation = withTiers.value(snapshot("10300", btc, eth));

        // cross wallet: 10,300 − PnL (+500 BTC, −200 ETH) − ETH's isolated 1,200 = 8,800; equity 9,300
        assertThat(valuation.cross().walletBalance()).isEqualByComparingTo("8800");
        assertThat(valuation.cross().marginBalance()).isEqualByComparingTo("9300");
        // requirement: 0.5 × 61,000 × (0.4% + 0.05%) = 137.25
        assertThat(valuation.cross().maintenanceMargin()).isEqualByComparingTo("137.25");
        assertThat(valuation.ownMarginRatio()).isCloseTo(d("67.7595628"), within(d("0.0000001")));
        BigDecimal liquidation = valuation.positions().get(0).opinion().own();
        BigDecimal equityThere = d("8800").add(d("0.5").multiply(liquidation.subtract(d("60000"))));
        BigDecimal requirementThere = d("0.5").multiply(liquidation).multiply(d("0.0045"));
        assertThat(equityThere).isCloseTo(requirementThere, within(d("1e-20")));
    }

    @Test
    void aDifferentOkxPrice_isExplained_andACrossOneSaysItHoldsTheRest() {
        ExchangePosition btc = cross("BTC-USDT-SWAP", Side.LONG, "0.5", "60000", "61000", 10, "43000", "122");

        KeyedValuation.Valued valued = withTiers.value(snapshot("9300", btc)).positions().get(0);

        assertThat(valued.opinion().verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(valued.explanation().kinds()).containsExactly(Kind.OKX_TIERS, Kind.OKX_ESTIMATES_TOO,
                Kind.OKX_CROSS_HOLDS_THE_REST, Kind.EXCHANGE_LIQUIDATES);
        assertThat(valued.explanation().reasons().get(0).source().describe())
                .isEqualTo("OKX position tiers of 2026-12-04");
    }

    @Test
    void portfolioMargin_isShownWithOkxsFiguresOnly() {
        ExchangePosition btc = cross("BTC-USDT-SWAP", Side.LONG, "0.5", "60000", "61000", 10, "41000", "122");
        ExchangeAccountSnapshot portfolio = new ExchangeAccountSnapshot(KeyedPositions.TIME, null, d("9300"), null,
                null, null, List.of(btc), true);

        KeyedValuation valuation = withTiers.value(portfolio);

        assertThat(valuation.positions().get(0).opinion().verdict()).isEqualTo(Verdict.UNIFIED_ACCOUNT);
        assertThat(valuation.positions().get(0).risk()).isNull();
        assertThat(valuation.ownMarginRatio()).isNull();
    }
}
