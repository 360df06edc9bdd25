package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarginCalculatorTest {

    private static final TierTable SHIPPED = TierTable.shippedDefaults();
    private final MarginCalculator calculator = new MarginCalculator(SHIPPED);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void crossLiquidationPrices_binanceFaqExample_reproduceToTheCent() {
        // Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts", cross mode example.
        TierLookup faqTiers = position -> position.symbol().equals("BTCUSDT")
                ? TierSchedule.flat(d("0.025"), d("16300"))
                : TierSchedule.flat(d("0.10"), d("135365"));
        MarginCalculator faq = new MarginCalculator(faqTiers);
        List<PricedPosition> positions = List.of(
                new PricedPosition(Position.cross("btc", "BTCUSDT", Side.LONG, d("109.488"), d("32481.98"), 20),
                        d("31967.27")),
                new PricedPosition(Position.cross("eth", "ETHUSDT", Side.LONG, d("3683.979"), d("1456.84"), 10),
                        d("1335.18")));

        CrossAccountRisk cross = faq.cross(d("1535443.01"), positions);

        assertThat(faq.maintenanceMargin(positions.get(0).position(), d("31967.27")))
                .isCloseTo(d("71200.81"), within(d("0.005")));
        assertThat(faq.maintenanceMargin(positions.get(1).position(), d("1335.18")))
                .isCloseTo(d("356512.508"), within(d("0.0005")));
        assertThat(cross.liquidationPrice("BTCUSDT")).hasValueSatisfying(
                price -> assertThat(price).isCloseTo(d("26316.89"), within(d("0.005"))));
        assertThat(cross.liquidationPrice("ETHUSDT")).hasValueSatisfying(
                price -> assertThat(price).isCloseTo(d("1153.26"), within(d("0.005"))));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(textBlock = """
            # margin-math.md §2.3: 1 BTC long at 52,000 with a 2,600 isolated wallet.
            # The entry notional is in tier 2 (0.5%, 50) but the liquidation notional falls in tier 1 (0.4%, 0).
            shipped BTC tiers re-checked at the liquidation price, 49598.39
            """)
    void isolatedLiquidationPrice_tierChangesBetweenEntryAndLiquidation_usesTierAtLiquidation(
            String description, BigDecimal expected) {
        Position position = new Position("p", "BTCUSDT", Side.LONG, d("1"), d("52000"), 20, MarginMode.ISOLATED,
                d("2600"));

        assertThat(calculator.isolatedLiquidationPrice(position))
                .hasValueSatisfying(price -> assertThat(price).isCloseTo(expected, within(d("0.005"))));
    }

    @Test
    void isolatedLiquidationPrice_entryTierOnly_matchesTheUncheckedAnswer() {
        MarginCalculator tierTwoOnly = new MarginCalculator(p -> TierSchedule.flat(d("0.005"), d("50")));
        Position position = new Position("p", "BTCUSDT", Side.LONG, d("1"), d("52000"), 20, MarginMode.ISOLATED,
                d("2600"));

        assertThat(tierTwoOnly.isolatedLiquidationPrice(position))
                .hasValueSatisfying(price -> assertThat(price).isCloseTo(d("49597.99"), within(d("0.005"))));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} @ {2} x{3}")
    @CsvSource(textBlock = """
            # side,  quantity, entry, leverage, expected liquidation (hand-computed with BTC tier 1: 0.4%, cum 0)
            # long:  (qE - margin) / (q (1 - mmr));  short: (qE + margin) / (q (1 + mmr))
            LONG,  0.1, 60000, 10, 54216.8674698795
            SHORT, 0.1, 60000, 10, 65737.0517928287
            LONG,  0.5, 40000, 50, 39357.4297188755
            SHORT, 0.5, 40000, 50, 40637.4501992032
            """)
    void isolatedLiquidationPrice_defaultMargin_matchesClosedForm(Side side, BigDecimal quantity, BigDecimal entry,
                                                                   int leverage, BigDecimal expected) {
        Position position = Position.isolated("p", "BTCUSDT", side, quantity, entry, leverage);

        assertThat(calculator.isolatedLiquidationPrice(position))
                .hasValueSatisfying(price -> assertThat(price).isCloseTo(expected, within(d("0.0000001"))));
    }

    @Test
    void isolatedLiquidationPrice_longBackedByItsWholeNotional_hasNone() {
        Position position = Position.isolated("p", "BTCUSDT", Side.LONG, d("0.1"), d("60000"), 1);

        assertThat(calculator.isolatedLiquidationPrice(position)).isEmpty();
        assertThat(calculator.isolated(position, d("30000")).liquidationPrice()).isNull();
        assertThat(calculator.isolated(position, d("30000")).distanceToLiquidation()).isNull();
    }

    @Test
    void isolatedRisk_longInLoss_reportsPnlRatioAndDistance() {
        Position position = new Position("p1", "BTCUSDT", Side.LONG, d("0.5"), d("60000"), 20, MarginMode.ISOLATED,
                d("1500"));

        PositionRisk risk = calculator.isolated(position, d("58000"));

        assertThat(risk.notional()).isEqualByComparingTo("29000");
        assertThat(risk.unrealizedPnl()).isEqualByComparingTo("-1000");
        assertThat(risk.maintenanceMargin()).isEqualByComparingTo("116"); // 29,000 × 0.4%
        assertThat(risk.marginRatio()).isCloseTo(d("0.232"), within(d("1e-12"))); // 116 / (1,500 − 1,000)
        // (30,000 − 1,500) / (0.5 × 0.996) = 57,228.9156...
        assertThat(risk.liquidationPrice()).isCloseTo(d("57228.91566265"), within(d("1e-8")));
        assertThat(risk.distanceToLiquidation()).isCloseTo(d("0.01329455"), within(d("1e-8")));
        assertThat(risk.returnOnEquity()).isCloseTo(d("-0.666666667"), within(d("1e-9")));
        assertThat(risk.liquidatedAtMark()).isFalse();
    }

    @Test
    void isolatedRisk_markBeyondLiquidation_isLiquidatedWithNegativeDistance() {
        Position position = Position.isolated("p", "BTCUSDT", Side.SHORT, d("0.1"), d("60000"), 10);

        PositionRisk risk = calculator.isolated(position, d("66000"));

        assertThat(risk.liquidatedAtMark()).isTrue();
        assertThat(risk.distanceToLiquidation()).isNegative();
    }

    @Test
    void account_isolatedMarginsComeOutOfTheCrossWallet() {
        List<PricedPosition> positions = List.of(
                new PricedPosition(new Position("iso", "BTCUSDT", Side.LONG, d("0.5"), d("60000"), 20,
                        MarginMode.ISOLATED, d("1500")), d("58000")),
                new PricedPosition(Position.cross("x", "ETHUSDT", Side.SHORT, d("2"), d("2500"), 10), d("2600")));

        AccountRisk account = calculator.account(d("10000"), positions);

        CrossAccountRisk cross = account.cross();
        assertThat(cross.walletBalance()).isEqualByComparingTo("8500");
        assertThat(cross.unrealizedPnl()).isEqualByComparingTo("-200");
        assertThat(cross.marginBalance()).isEqualByComparingTo("8300");
        assertThat(cross.maintenanceMargin()).isEqualByComparingTo("20.8"); // 5,200 × 0.4%
        assertThat(cross.initialMargin()).isEqualByComparingTo("520");
        assertThat(cross.availableBalance()).isEqualByComparingTo("7780");
        assertThat(cross.withdrawable()).isEqualByComparingTo("7780");
        assertThat(account.equity()).isEqualByComparingTo("8800");
        assertThat(account.marginInUse()).isEqualByComparingTo("2020");
        assertThat(account.positions()).extracting(r -> r.position().id()).containsExactly("iso", "x");
        assertThat(account.positions().get(1).marginRatio()).isEqualByComparingTo(cross.marginRatio());
        // short 2 ETH, pool 8,500: (qE + W' + cum) / (q (1 + mmr)) = (5,000 + 8,500) / 2.008
        assertThat(cross.liquidationPrice("ETHUSDT")).hasValueSatisfying(
                price -> assertThat(price).isCloseTo(d("6723.10756972"), within(d("1e-8"))));
    }

    @Test
    void cross_unrealisedProfitCountsForOpening_butWithdrawingNeverTakesMoreThanTheWalletAboveMaintenance() {
        List<PricedPosition> positions = List.of(
                new PricedPosition(Position.cross("x", "BTCUSDT", Side.LONG, d("0.1"), d("50000"), 10), d("60000")));

        CrossAccountRisk cross = calculator.cross(d("1000"), positions);

        assertThat(cross.unrealizedPnl()).isEqualByComparingTo("1000");
        assertThat(cross.availableBalance()).isEqualByComparingTo("1400"); // 2,000 − 600
        // Binance: min(wallet − MM, wallet + UPNL − IM) = min(1,000 − 24, 2,000 − 600)
        assertThat(cross.withdrawable()).isEqualByComparingTo("976");
    }

    @Test
    void cross_hedgedLegsInOneSymbol_chargeMaintenanceOnBothLegs() {
        List<PricedPosition> positions = List.of(
                new PricedPosition(Position.cross("l", "BTCUSDT", Side.LONG, d("1.5"), d("50000"), 10), d("50000")),
                new PricedPosition(Position.cross("s", "BTCUSDT", Side.SHORT, d("1"), d("50000"), 10), d("50000")));

        CrossAccountRisk cross = calculator.cross(d("5000"), positions);

        // gross maintenance: 75,000 × 0.5% − 50 + 50,000 × 0.4%  (BTC tier 2 and tier 1)
        assertThat(cross.maintenanceMargin()).isEqualByComparingTo("525");
        BigDecimal liquidation = cross.liquidationPrice("BTCUSDT").orElseThrow();
        assertThat(liquidation).isLessThan(d("50000"));
        List<PricedPosition> atLiquidation = List.of(
                new PricedPosition(positions.get(0).position(), liquidation),
                new PricedPosition(positions.get(1).position(), liquidation));
        CrossAccountRisk there = calculator.cross(d("5000"), atLiquidation);
        assertThat(there.marginBalance()).isCloseTo(there.maintenanceMargin(), within(d("1e-12")));
    }

    @Test
    void cross_marginRatioReachesOneAtLiquidation_andPoolIsLiquidatedBeyond() {
        Position position = Position.cross("x", "BTCUSDT", Side.LONG, d("1"), d("50000"), 20);
        BigDecimal liquidation = calculator.cross(d("3000"), List.of(new PricedPosition(position, d("50000"))))
                .liquidationPrice("BTCUSDT").orElseThrow();

        CrossAccountRisk at = calculator.cross(d("3000"), List.of(new PricedPosition(position, liquidation)));
        CrossAccountRisk beyond = calculator.cross(d("3000"),
                List.of(new PricedPosition(position, liquidation.subtract(BigDecimal.ONE))));

        assertThat(at.marginRatio()).isCloseTo(BigDecimal.ONE, within(d("1e-12")));
        assertThat(beyond.liquidated()).isTrue();
        assertThat(beyond.marginRatio()).isGreaterThan(BigDecimal.ONE);
    }

    @Test
    void cross_noPositions_isAnIdlePool() {
        CrossAccountRisk cross = calculator.cross(d("10000"), List.of());

        assertThat(cross.marginRatio()).isEqualByComparingTo("0");
        assertThat(cross.availableBalance()).isEqualByComparingTo("10000");
        assertThat(cross.liquidationPrices()).isEmpty();
        assertThat(cross.liquidated()).isFalse();
    }

    @Test
    void addMargin_movesTheLiquidationPriceAway() {
        Position position = Position.isolated("p", "BTCUSDT", Side.LONG, d("0.1"), d("60000"), 10);

        MarginChange change = calculator.addMargin(position, d("240"));

        assertThat(change.accepted()).isTrue();
        assertThat(change.position().isolatedMargin()).isEqualByComparingTo("840");
        // (6,000 − 840) / (0.1 × 0.996)
        assertThat(change.liquidationPrice()).isCloseTo(d("51807.2289156627"), within(d("1e-9")));
    }

    @Test
    void removeMargin_belowInitialMargin_isRefusedAndChangesNothing() {
        Position position = new Position("p", "BTCUSDT", Side.LONG, d("0.1"), d("60000"), 10, MarginMode.ISOLATED,
                d("700"));

        MarginChange tooMuch = calculator.removeMargin(position, d("60000"), d("150"));
        MarginChange fine = calculator.removeMargin(position, d("60000"), d("100"));

        assertThat(tooMuch.accepted()).isFalse();
        assertThat(tooMuch.refusal()).contains("initial margin").contains("100");
        assertThat(tooMuch.position()).isEqualTo(position);
        assertThat(fine.accepted()).isTrue();
        assertThat(fine.position().isolatedMargin()).isEqualByComparingTo("600");
    }

    @Test
    void removeMargin_thatWouldLiquidateAtTheMark_isRefused() {
        Position position = new Position("p", "BTCUSDT", Side.LONG, d("0.1"), d("60000"), 10, MarginMode.ISOLATED,
                d("1500"));

        MarginChange change = calculator.removeMargin(position, d("46000"), d("800"));

        // 1,500 − 1,400 of loss leaves 100, less than the 460 of initial margin at the mark: nothing can go.
        assertThat(change.accepted()).isFalse();
        assertThat(change.refusal()).contains("At most 0.00 USDT").contains("initial margin at the mark (460.00 USDT)")
                .contains("-1,400.00 USDT");
    }
}
