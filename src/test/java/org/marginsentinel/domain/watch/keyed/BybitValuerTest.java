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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.watch.SecondOpinion.Verdict;
import org.marginsentinel.domain.watch.WatchedPortfolio;
import org.marginsentinel.domain.watch.keyed.KeyedExplanation.Kind;

class BybitValuerTest {

    private final BybitValuer withHalfPercentTiers = new BybitValuer(flatTiers("0.005", TierSource.BYBIT),
            KeyedPositions::harshEstimate);

    @ParameterizedTest(name = "[{index}] {arguments}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            side,  size, entry, leverage, marginChange, liquidation
            # Bybit, "Liquidation Price (USDT Contract)": MMR 0.5%, maintenance valued at entry
            LONG,  1,    10000, 50,       0,            9850
            SHORT, 1,    8000,  40,       0,            8160
            LONG,  1,    20000, 50,       0,            19700
            # the same short with 3,000 USDT of margin added
            SHORT, 1,    20000, 50,       3000,         23300
            # the same long after a 200 USDT funding payment taken from the position margin
            LONG,  1,    20000, 50,       -200,         19900
            LONG,  5,    8000,  10,       0,            7240
            """)
    void isolated_reproducesBybitsPublishedExamples(Side side, BigDecimal size, BigDecimal entry, int leverage,
                                                     BigDecimal marginChange, BigDecimal liquidation) {
        BigDecimal margin = size.multiply(entry).divide(BigDecimal.valueOf(leverage)).add(marginChange);
        ExchangePosition position = isolated("BTCUSDT", side, size.toPlainString(), entry.toPlainString(),
                entry.toPlainString(), leverage, margin.toPlainString(), liquidation.toPlainString(), null);

        KeyedValuation valuation = withHalfPercentTiers.value(snapshot("100000", position));

        KeyedValuation.Valued valued = valuation.positions().get(0);
        assertThat(valued.opinion().own()).isEqualByComparingTo(liquidation);
        assertThat(valued.risk().liquidationPrice()).isEqualByComparingTo(liquidation);
        assertThat(valued.opinion().verdict()).isEqualTo(Verdict.AGREE);
        assertThat(valued.explanation()).isNull();
    }

    @Test
    void cross_reproducesBybitsClassicExample_availablePlusMarginLessMaintenanceIsTheLossItSurvives() {
        // Bybit's cross article: 2 BTC long at 10,000, available 2,000, IM 200 (100x), MM 100 → loss 2,100 → 8,950.
        ExchangePosition position = cross("BTCUSDT", Side.LONG, "2", "10000", "10000", 100, "8950", "100");

        KeyedValuation valuation = withHalfPercentTiers.value(snapshot("2200", position));

        assertThat(valuation.positions().get(0).opinion().own()).isEqualByComparingTo("8950");
        assertThat(valuation.positions().get(0).opinion().verdict()).isEqualTo(Verdict.AGREE);
        assertThat(valuation.cross().walletBalance()).isEqualByComparingTo("2200");
        assertThat(valuation.ownMarginRatio()).as("Bybit's convention: maintenance over margin balance")
                .isCloseTo(d("100").divide(d("2200"), 30, RoundingMode.HALF_EVEN), within(d("1e-25")));
    }

    @Test
    void atTheBotsLiquidationPrice_marginBalanceEqualsMaintenance_isolatedAndCross() {
        Random random = new Random(14);
        int checked = 0;
        for (int account = 0; account < 200; account++) {
            List<ExchangePosition> positions = new ArrayList<>();
            String[] symbols = {"BTCUSDT", "ETHUSDT", "SOLUSDT"};
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                Side side = random.nextBoolean() ? Side.LONG : Side.SHORT;
                BigDecimal entry = BigDecimal.valueOf(10 + random.nextInt(90_000));
                BigDecimal mark = entry.multiply(BigDecimal.valueOf(90 + random.nextInt(21))).movePointLeft(2);
                BigDecimal size = BigDecimal.valueOf(1 + random.nextInt(500)).movePointLeft(2);
                int leverage = 1 + random.nextInt(50);
                if (random.nextBoolean()) {
                    BigDecimal margin = size.multiply(entry).divide(BigDecimal.valueOf(leverage), 8, RoundingMode.HALF_UP);
                    positions.add(isolated(symbols[i], side, size.toPlainString(), entry.toPlainString(),
                            mark.toPlainString(), leverage, margin.toPlainString(), null, null));
                } else {
                    positions.add(cross(symbols[i], side, size.toPlainString(), entry.toPlainString(),
                            mark.toPlainString(), leverage, null, null));
                }
            }
            BigDecimal marginBalance = BigDecimal.valueOf(1_000 + random.nextInt(1_000_000));
            KeyedValuation valuation = withHalfPercentTiers.value(snapshot(marginBalance.toPlainString(),
                    positions.toArray(ExchangePosition[]::new)));

            for (KeyedValuation.Valued valued : valuation.positions()) {
                BigDecimal liquidation = valued.opinion().own();
                if (liquidation == null) {
                    continue;
                }
                ExchangePosition reported = valued.reported();
                BigDecimal equity = reported.mode() == org.marginsentinel.domain.margin.MarginMode.ISOLATED
                        ? reported.isolatedMargin().add(pnl(reported, liquidation))
                        : crossEquityAt(valuation, reported.symbol(), liquidation);
                BigDecimal maintenance = reported.mode() == org.marginsentinel.domain.margin.MarginMode.ISOLATED
                        ? valued.risk().maintenanceMargin() : valuation.cross().maintenanceMargin();
                assertThat(equity.doubleValue()).as("account %d, %s", account, reported.symbol())
                        .isCloseTo(maintenance.doubleValue(), within(1e-6 * Math.max(1, maintenance.doubleValue())));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    @Test
    void withoutBybitsTiers_maintenanceIsBybitsOwnFigure_andWithoutThatTooItIsSaidToBeEstimated() {
        BybitValuer valuer = new BybitValuer(noTiers(), KeyedPositions::harshEstimate);
        ExchangePosition reportedMaintenance = isolated("NEWUSDT", Side.LONG, "1", "20000", "20000", 10, "2000",
                "18100", "100");
        ExchangePosition nothingReported = isolated("NEWUSDT", Side.LONG, "1", "20000", "20000", 10, "2000", "18100",
                null);

        KeyedValuation.Valued fromReport = valuer.value(snapshot("1000", reportedMaintenance)).positions().get(0);
        KeyedValuation.Valued estimated = valuer.value(snapshot("1000", nothingReported)).positions().get(0);

        assertThat(fromReport.opinion().own()).as("20,000 - (2,000 - 100)").isEqualByComparingTo("18100");
        assertThat(fromReport.explanation()).isNull();
        assertThat(estimated.opinion().own()).as("20,000 - (2,000 - 5% of 20,000)").isEqualByComparingTo("19000");
        assertThat(estimated.explanation().reasons().get(0))
                .isEqualTo(KeyedExplanation.Reason.aboutSymbol(Kind.BYBIT_ESTIMATED, "NEWUSDT"));
    }

    @Test
    void aBybitPriceNearerTheMark_isExplainedByTheFeeToClose() {
        ExchangePosition position = isolated("BTCUSDT", Side.LONG, "1", "20000", "20100", 50, "400", "19750", null);

        KeyedValuation.Valued valued = withHalfPercentTiers.value(snapshot("1000", position)).positions().get(0);

        assertThat(valued.opinion().verdict()).isEqualTo(Verdict.DIFFERS);
        assertThat(valued.explanation().kinds()).containsExactly(Kind.BYBIT_TIERS, Kind.BYBIT_FEE_TO_CLOSE,
                Kind.BYBIT_FUNDING_AND_FEES);
        assertThat(valued.explanation().reasons().get(0).source().describe())
                .isEqualTo("Bybit risk limits of 2026-12-04");
    }

    @Test
    void aCrossPositionBybitGivesNoPriceFor_getsTheAccountsPrice_saidToHoldTheRest() {
        ExchangePosition btc = cross("BTCUSDT", Side.LONG, "0.5", "60000", "61000", 10, null, "150");
        ExchangePosition eth = cross("ETHUSDT", Side.SHORT, "10", "3000", "2900", 10, null, "150");

        KeyedValuation valuation = withHalfPercentTiers.value(snapshot("10000", btc, eth));

        KeyedValuation.Valued valued = valuation.positions().get(0);
        assertThat(valued.opinion().verdict()).isEqualTo(Verdict.EXCHANGE_HAS_NONE);
        assertThat(valued.opinion().own()).isNotNull();
        assertThat(valued.explanation().kinds()).containsExactly(Kind.BYBIT_GIVES_NONE_CROSS);
        assertThat(valuation.ownMarginRatio()).isEqualByComparingTo(valuation.cross().marginRatio());
        assertThat(valuation.cross().maintenanceMargin()).as("0.5% of each entry value").isEqualByComparingTo("300");
    }

    @Test
    void aPositionWithoutAMark_isNotRecomputed_andTheCrossPoolWithIt_butIsolatedOnesStillAre() {
        ExchangePosition noMark = cross("BTCUSDT", Side.LONG, "0.5", "60000", null, 10, "50000", "150");
        ExchangePosition other = cross("ETHUSDT", Side.SHORT, "10", "3000", "2900", 10, null, "150");
        ExchangePosition alone = isolated("SOLUSDT", Side.LONG, "10", "200", "200", 10, "200", null, null);

        KeyedValuation valuation = withHalfPercentTiers.value(snapshot("10000", noMark, other, alone));

        assertThat(valuation.notValued()).containsExactly(noMark, other);
        assertThat(valuation.positions().get(0).opinion().verdict()).isEqualTo(Verdict.NOT_RECOMPUTED);
        assertThat(valuation.positions().get(0).opinion().exchange()).isEqualByComparingTo("50000");
        assertThat(valuation.positions().get(0).risk()).isNull();
        assertThat(valuation.positions().get(2).risk()).isNotNull();
        assertThat(valuation.cross()).isNull();
        assertThat(valuation.ownMarginRatio()).isNull();
    }

    @Test
    void portfolioMargin_isShownWithBybitsFiguresOnly() {
        ExchangePosition btc = cross("BTCUSDT", Side.LONG, "0.5", "60000", "61000", 10, "41000", "150");
        ExchangeAccountSnapshot portfolio = new ExchangeAccountSnapshot(KeyedPositions.TIME, null, d("10000"), null,
                null, null, List.of(btc), true);

        KeyedValuation valuation = withHalfPercentTiers.value(portfolio);

        assertThat(valuation.notValued()).containsExactly(btc);
        assertThat(valuation.positions().get(0).opinion().verdict()).isEqualTo(Verdict.UNIFIED_ACCOUNT);
        assertThat(valuation.positions().get(0).explanation().kinds()).containsExactly(Kind.PORTFOLIO_MARGIN);
        assertThat(valuation.cross()).isNull();
    }

    private static BigDecimal pnl(ExchangePosition position, BigDecimal price) {
        return position.side().signDecimal().multiply(position.size()).multiply(price.subtract(position.entryPrice()));
    }

    /** The pool's equity with {@code symbol} at {@code price} and every other cross position at its mark. */
    private static BigDecimal crossEquityAt(KeyedValuation valuation, String symbol, BigDecimal price) {
        BigDecimal equity = valuation.cross().walletBalance();
        for (KeyedValuation.Valued valued : valuation.positions()) {
            ExchangePosition reported = valued.reported();
            if (reported.mode() == org.marginsentinel.domain.margin.MarginMode.CROSS) {
                equity = equity.add(pnl(reported, reported.symbol().equals(symbol) ? price : reported.markPrice()));
            }
        }
        return equity;
    }

    @Test
    void forTheInsightTools_aHedgeAccountsLegsKeepTheirOwnReportedRates() {
        BybitValuer valuer = new BybitValuer(noTiers(), KeyedPositions::harshEstimate);
        // Bybit's positionMM at entry: 0.5 × 60,000 × 0.5% = 150 on the long, 2 × 60,000 × 1% = 1,200 on the short
        ExchangePosition smallLong = cross("BTCUSDT", Side.LONG, "0.5", "60000", "60000", 10, null, "150");
        ExchangePosition bigShort = cross("BTCUSDT", Side.SHORT, "2", "60000", "60000", 10, null, "1200");

        WatchedPortfolio portfolio = valuer.portfolio(snapshot("20000", smallLong, bigShort)).orElseThrow();

        List<BigDecimal> maintenance = portfolio.positions().stream()
                .map(priced -> portfolio.engine().maintenanceMargin(priced.position(), priced.markPrice())).toList();
        assertThat(maintenance).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(d("150"), d("1200"));
    }
}
