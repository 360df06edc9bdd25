package org.marginsentinel.domain.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Decimals;
import org.marginsentinel.domain.margin.MaintenanceTier;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginChange;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierTable;

class MarginAdviceTest {

    private static final BigDecimal EXACT = new BigDecimal("1e-9");

    /** One flat tier, 0.4%, no maintenance amount: the hand formulas stay short. */
    private final MarginCalculator flat = new MarginCalculator(p -> TierSchedule.flat(d("0.004"), BigDecimal.ZERO));
    private final MarginAdvice flatAdvice = new MarginAdvice(flat);
    private final MarginCalculator shipped = new MarginCalculator(TierTable.shippedDefaults());
    private final MarginAdvice shippedAdvice = new MarginAdvice(shipped);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static Position isolated(Side side, String quantity, String entry, String margin) {
        return new Position("p", "BTCUSDT", side, d(quantity), d(entry), 10, MarginMode.ISOLATED, d(margin));
    }

    private static BigDecimal distance(BigDecimal mark, BigDecimal liquidation) {
        return Decimals.divide(mark.subtract(liquidation).abs(), mark);
    }

    // ---- isolated: margin to add ----

    @ParameterizedTest(name = "[{index}] {0} {1} @ {2}, wallet {3}, mark {4}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            side,  quantity, entry, wallet, mark,  targetLiquidation, marginToAdd
            # flat 0.4%, target 20%. P* = mark (1 -+ 0.2); wallet needed = MM(P*) - UPNL(P*) = q P* 0.004 - s q (P* - E)
            # long:  P* = 46,400; 185.6 + 13,600 = 13,785.6; minus 6,000
            LONG,  1,        60000, 6000,   58000, 46400,             7785.6
            # short: P* = 3,720; 2 x 3,720 x 0.004 = 29.76, UPNL = -2 x 720 = -1,440; 1,469.76 minus 300
            SHORT, 2,        3000,  300,    3100,  3720,              1169.76
            # a long backed by its whole notional needs nothing
            LONG,  1,        60000, 60000,  58000, 46400,             0
            """)
    void marginToAdd_flatTier_matchesTheHandFormula(Side side, String quantity, String entry, String wallet,
                                                    BigDecimal mark, BigDecimal targetLiquidation,
                                                    BigDecimal marginToAdd) {
        Position position = isolated(side, quantity, entry, wallet);

        IsolatedMarginAdvice advice = flatAdvice.marginToAdd(position, mark, RiskThresholds.DEFAULTS);

        assertThat(advice.targetDistance()).isEqualByComparingTo("0.20");
        assertThat(advice.targetLiquidationPrice()).isEqualByComparingTo(targetLiquidation);
        assertThat(advice.marginToAdd()).isEqualByComparingTo(marginToAdd);
        assertThat(advice.needed()).isEqualTo(marginToAdd.signum() > 0);
    }

    @Test
    void marginToAdd_tierAtTargetDiffersFromEntryTier_usesTheTierAtTheTarget() {
        // shipped BTC tiers: 10 BTC long @ 60,000 (entry notional 600,000: tier 3, 0.65% / 950), wallet 60,000.
        // P* = 58,000 x 0.8 = 46,400, notional 464,000: tier 2 (0.5% / 50). MM(P*) = 2,320 - 50 = 2,270;
        // UPNL(P*) = 10 x (46,400 - 60,000) = -136,000; wallet needed 138,270; add 78,270.
        // (The entry tier would give 3,016 - 950 = 2,066 and 78,066.)
        Position position = isolated(Side.LONG, "10", "60000", "60000");

        IsolatedMarginAdvice advice = shippedAdvice.marginToAdd(position, d("58000"), d("0.2"));

        assertThat(advice.marginToAdd()).isEqualByComparingTo("78270");
        assertThat(advice.liquidationPriceAfter()).isCloseTo(d("46400"), within(d("1e-20")));
    }

    @ParameterizedTest(name = "[{index}] {0} {1} @ {2}, wallet {3}, mark {4}, target {5}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            side,  quantity, entry, wallet, mark,  target
            LONG,  10,       60000, 60000,  58000, 0.2
            SHORT, 10,       60000, 60000,  61000, 0.2
            LONG,  300,      60000, 900000, 55000, 0.15
            SHORT, 0.01,     60000, 6,      60500, 0.05
            LONG,  2500,     60000, 1e6,    59000, 0.35
            """)
    void marginToAdd_roundTripThroughAddMargin_landsOnTheTargetDistance(Side side, String quantity, String entry,
                                                                        String wallet, BigDecimal mark,
                                                                        BigDecimal target) {
        Position position = isolated(side, quantity, entry, wallet);

        IsolatedMarginAdvice advice = shippedAdvice.marginToAdd(position, mark, target);
        MarginChange change = shipped.addMargin(position, advice.marginToAdd());

        assertThat(advice.needed()).isTrue();
        assertThat(change.accepted()).isTrue();
        assertThat(distance(mark, change.liquidationPrice())).isCloseTo(target, within(EXACT));
        assertThat(shipped.isolated(change.position(), mark).distanceToLiquidation()).isCloseTo(target, within(EXACT));
    }

    @Test
    void marginToAdd_targetOutsideZeroToOne_isRefused() {
        Position position = isolated(Side.LONG, "1", "60000", "6000");

        assertThatThrownBy(() -> flatAdvice.marginToAdd(position, d("58000"), d("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("targetDistance");
        assertThatThrownBy(() -> flatAdvice.marginToAdd(
                Position.cross("c", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10), d("58000"), d("0.2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an isolated position");
    }

    // ---- isolated: closing part does not move the liquidation price ----

    @Test
    void closePart_flatTierWithoutMaintenanceAmount_keepsTheLiquidationPriceExactly() {
        // long 1 @ 60,000, wallet 6,000: LP = (60,000 - 6,000) / 0.996 = 54,216.867...; close half at 58,000:
        // 3,000 of margin leaves with it, PnL -1,000 is booked, and 0.5 BTC with 3,000 has the same LP.
        Position position = isolated(Side.LONG, "1", "60000", "6000");

        IsolatedPartialClose close = flatAdvice.closePart(position, d("58000"), d("0.5"));

        assertThat(close.remaining().quantity()).isEqualByComparingTo("0.5");
        assertThat(close.marginReleased()).isEqualByComparingTo("3000");
        assertThat(close.realizedPnl()).isEqualByComparingTo("-1000");
        assertThat(close.marginAtRiskBefore()).isEqualByComparingTo("6000");
        assertThat(close.marginAtRiskAfter()).isEqualByComparingTo("3000");
        assertThat(close.liquidationPriceBefore()).isCloseTo(d("54216.86746987951807"), within(d("1e-12")));
        assertThat(close.liquidationPriceAfter()).isCloseTo(close.liquidationPriceBefore(), within(d("1e-20")));
    }

    @Test
    void closePart_tierWithMaintenanceAmount_movesTheLiquidationPriceOnlySlightly() {
        // shipped BTC tier 2 (0.5% / 50) at both sizes: 10 BTC @ 60,000 with 60,000:
        //   60,000 + 10 (P - 60,000) = 10 P 0.005 - 50  ->  P = 539,950 / 9.95  = 54,266.33
        // half closed, 5 BTC with 30,000:  P = 269,950 / 4.975 = 54,261.31: five dollars, because cum stays 50
        Position position = isolated(Side.LONG, "10", "60000", "60000");

        IsolatedPartialClose close = shippedAdvice.closePart(position, d("58000"), d("0.5"));

        assertThat(close.liquidationPriceBefore()).isCloseTo(d("54266.33165829145728643"), within(d("1e-12")));
        assertThat(close.liquidationPriceAfter()).isCloseTo(d("54261.30653266331658291"), within(d("1e-12")));
    }

    // ---- cross: share to close, or deposit ----

    @Test
    void crossRelief_flatTier_closesTheShareTheHandFormulaGives() {
        // flat 1%: long 1 @ 60,000 at 59,500, cross wallet 1,500. Margin balance 1,000, MM 595, ratio 0.595.
        // Closing f keeps the margin balance and scales MM: (1 - f) 0.595 = 0.5 -> f = 1 - 0.5 / 0.595 = 0.15966...
        // Deposit: 595 / 0.5 - 1,000 = 190.
        MarginAdvice advice = new MarginAdvice(new MarginCalculator(p -> TierSchedule.flat(d("0.01"), BigDecimal.ZERO)));
        List<PricedPosition> book = List.of(new PricedPosition(
                Position.cross("c", "BTCUSDT", Side.LONG, d("1"), d("60000"), 50), d("59500")));

        CrossMarginAdvice relief = advice.crossRelief(d("1500"), book, RiskThresholds.DEFAULTS);

        assertThat(relief.targetMarginRatio()).isEqualByComparingTo("0.50");
        assertThat(relief.marginRatio()).isEqualByComparingTo("0.595");
        assertThat(relief.fractionToClose()).isCloseTo(d("0.1596638655462184873949579831932773"), within(EXACT));
        assertThat(relief.fractionToClose()).isGreaterThanOrEqualTo(d("0.1596638655462184873949579831932773"));
        assertThat(relief.marginRatioAfterClosing()).isLessThanOrEqualTo(d("0.5")).isCloseTo(d("0.5"), within(EXACT));
        assertThat(relief.depositNeeded()).isEqualByComparingTo("190");
        assertThat(relief.needed()).isTrue();
    }

    @Test
    void crossRelief_closingDropsTheTier_isNotLinear() {
        // tiers: 0.5% below 50,000 notional; 1% with cum 250 above. Long 1 @ 60,000 at 59,500, wallet 1,000:
        // margin balance 500, MM = 595 - 250 = 345, ratio 0.69. Target 0.4 -> MM after must be 200, which is in
        // tier 1: (1 - f) x 59,500 x 0.5% = 200 -> f = 1 - 200 / 297.5 = 0.327731...; notional 40,000 (tier 1).
        // A linear scaling of 345 would say f = 1 - 200/345 = 0.42. Deposit: 345 / 0.4 - 500 = 362.5.
        TierSchedule twoTiers = TierSchedule.of(List.of(
                new MaintenanceTier(BigDecimal.ZERO, d("50000"), d("0.005"), BigDecimal.ZERO, 100),
                new MaintenanceTier(d("50000"), null, d("0.01"), d("250"), 50)));
        MarginCalculator calculator = new MarginCalculator(p -> twoTiers);
        List<PricedPosition> book = List.of(new PricedPosition(
                Position.cross("c", "BTCUSDT", Side.LONG, d("1"), d("60000"), 50), d("59500")));

        CrossMarginAdvice relief = new MarginAdvice(calculator).crossRelief(d("1000"), book, d("0.4"));

        assertThat(relief.marginRatio()).isEqualByComparingTo("0.69");
        assertThat(relief.fractionToClose()).isCloseTo(d("0.3277310924369747899159663865546218"), within(EXACT));
        assertThat(relief.depositNeeded()).isEqualByComparingTo("362.5");
        assertThat(ratioAfterClosing(calculator, d("1000"), book, relief.fractionToClose())).isLessThanOrEqualTo(d("0.4"));
        assertThat(ratioAfterDeposit(calculator, d("1000"), book, relief.depositNeeded()))
                .isCloseTo(d("0.4"), within(EXACT));
    }

    @Test
    void crossRelief_twoSymbolsWithShippedTiers_roundTripsBothWays() {
        List<PricedPosition> book = List.of(
                new PricedPosition(Position.cross("btc", "BTCUSDT", Side.LONG, d("20"), d("64000"), 50), d("61000")),
                new PricedPosition(Position.cross("eth", "ETHUSDT", Side.SHORT, d("300"), d("2900"), 50), d("3050")));
        BigDecimal wallet = d("120000");
        CrossAccountRisk before = shipped.cross(wallet, book);

        CrossMarginAdvice relief = shippedAdvice.crossRelief(wallet, book, d("0.5"));

        assertThat(before.marginRatio()).isGreaterThan(d("0.7"));
        assertThat(relief.marginRatio()).isEqualByComparingTo(before.marginRatio());
        BigDecimal after = ratioAfterClosing(shipped, wallet, book, relief.fractionToClose());
        assertThat(after).isLessThanOrEqualTo(d("0.5")).isCloseTo(d("0.5"), within(EXACT));
        BigDecimal slightlyLess = relief.fractionToClose().subtract(d("1e-12"));
        assertThat(ratioAfterClosing(shipped, wallet, book, slightlyLess)).isGreaterThan(d("0.5"));
        assertThat(ratioAfterDeposit(shipped, wallet, book, relief.depositNeeded())).isCloseTo(d("0.5"), within(EXACT));
    }

    @Test
    void crossRelief_alreadyUnderTheTarget_needsNothing() {
        List<PricedPosition> book = List.of(new PricedPosition(
                Position.cross("c", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10), d("60000")));

        CrossMarginAdvice relief = flatAdvice.crossRelief(d("6000"), book, RiskThresholds.DEFAULTS);

        assertThat(relief.needed()).isFalse();
        assertThat(relief.fractionToClose()).isEqualByComparingTo("0");
        assertThat(relief.depositNeeded()).isEqualByComparingTo("0");
    }

    @Test
    void crossRelief_marginBalanceGone_offersOnlyTheDeposit() {
        // flat 0.4%: long 1 @ 60,000 at 58,000 with wallet 1,500: margin balance -500, MM 232.
        // Closing cannot lift a negative balance; deposit 232 / 0.5 + 500 = 964.
        List<PricedPosition> book = List.of(new PricedPosition(
                Position.cross("c", "BTCUSDT", Side.LONG, d("1"), d("60000"), 50), d("58000")));

        CrossMarginAdvice relief = flatAdvice.crossRelief(d("1500"), book, d("0.5"));

        assertThat(relief.marginRatio()).isNull();
        assertThat(relief.closeFraction()).isEmpty();
        assertThat(relief.depositNeeded()).isEqualByComparingTo("964");
    }

    // ---- after a liquidation: what would have saved it ----

    @Test
    void isolatedRescue_longLiquidatedAt54200_needsTheMarginForA5PercentFurtherMove() {
        // flat 0.4%: long 1 @ 60,000 with 6,000, liquidated at mark 54,200. P' = 54,200 x 0.95 = 51,490.
        // wallet needed = 51,490 x 0.004 + (60,000 - 51,490) = 205.96 + 8,510 = 8,715.96 -> 2,715.96 more.
        Position position = isolated(Side.LONG, "1", "60000", "6000");

        IsolatedMarginAdvice rescue = flatAdvice.isolatedRescue(position, d("54200"));

        assertThat(rescue.targetLiquidationPrice()).isEqualByComparingTo("51490");
        assertThat(rescue.marginToAdd()).isEqualByComparingTo("2715.96");
        assertThat(flatAdvice.isolatedRescueMargin(position, d("54200"))).as("the notice's shortcut")
                .isEqualByComparingTo("2715.96");
    }

    @Test
    void isolatedRescueMargin_isZero_whenTheMarginAlreadyCoversTheFurtherMove() {
        Position wellBacked = isolated(Side.LONG, "1", "60000", "20000");

        assertThat(flatAdvice.isolatedRescueMargin(wellBacked, d("54200"))).isEqualByComparingTo("0");
        assertThat(flatAdvice.isolatedRescue(wellBacked, d("54200")).marginToAdd()).isEqualByComparingTo("0");
    }

    @Test
    void crossRescueDeposit_twoPositions_coversMaintenanceAfterAFurther5PercentMove() {
        // flat 1%: BTC long 1 @ 60,000 liquidated at 59,600 -> stressed 56,620: UPNL -3,380, MM 566.2
        //          ETH short 10 @ 3,000 at 3,100           -> stressed 3,255:  UPNL -2,550, MM 325.5
        // wallet 1,000: margin balance -4,930, MM 891.7 -> deposit 891.7 + 4,930 = 5,821.7
        MarginCalculator onePercent = new MarginCalculator(p -> TierSchedule.flat(d("0.01"), BigDecimal.ZERO));
        List<PricedPosition> atLiquidation = List.of(
                new PricedPosition(Position.cross("btc", "BTCUSDT", Side.LONG, d("1"), d("60000"), 50), d("59600")),
                new PricedPosition(Position.cross("eth", "ETHUSDT", Side.SHORT, d("10"), d("3000"), 50), d("3100")));

        BigDecimal deposit = new MarginAdvice(onePercent).crossRescueDeposit(d("1000"), atLiquidation);

        assertThat(deposit).isEqualByComparingTo("5821.7");
        CrossAccountRisk rescued = onePercent.cross(d("1000").add(deposit), atLiquidation);
        assertThat(rescued.liquidated()).isFalse();
        assertThat(rescued.marginRatio()).isLessThan(d("0.2"));
    }

    // ---- survivable move ----

    @ParameterizedTest(name = "[{index}] {0} {1} @ {2}, wallet {3}, mark {4}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
            side,  quantity, entry, wallet, mark,  move
            # flat 0.4%. long: LP = (60,000 - 6,000) / 0.996 = 54,216.867...; (58,000 - LP) / 58,000
            LONG,  1,        60000, 6000,   58000, 0.06522642293311175737432488574989621
            # short: LP = (2 x 3,000 + 300) / (2 x 1.004) = 3,137.450...; (LP - 3,100) / 3,100
            SHORT, 2,        3000,  300,    3100,  0.01208070942038298419226320524354194
            # already past its liquidation price
            LONG,  1,        60000, 6000,   50000, 0
            """)
    void survivableMove_isolated_isTheDistanceToLiquidation(Side side, String quantity, String entry, String wallet,
                                                            BigDecimal mark, BigDecimal move) {
        assertThat(flatAdvice.survivableMove(isolated(side, quantity, entry, wallet), mark))
                .hasValueSatisfying(value -> assertThat(value).isCloseTo(move, within(d("1e-25"))));
    }

    @Test
    void survivableMove_isolatedLongBackedByItsNotional_isUnlimited() {
        assertThat(flatAdvice.survivableMove(isolated(Side.LONG, "1", "60000", "60000"), d("58000"))).isEmpty();
    }

    @Test
    void survivableMove_crossLongAndShort_matchesTheHandSolution() {
        // flat 1%: BTC long 1 at 60,000 and ETH short 10 at 3,000 (entries = marks), wallet 10,000.
        // surplus(x) = 10,000 - 60,000 x - 30,000 x - 0.01 (60,000 (1 - x) + 30,000 (1 + x)) = 9,100 - 89,700 x
        // -> x = 9,100 / 89,700 = 0.10144...
        MarginCalculator onePercent = new MarginCalculator(p -> TierSchedule.flat(d("0.01"), BigDecimal.ZERO));
        List<PricedPosition> book = List.of(
                new PricedPosition(Position.cross("btc", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10), d("60000")),
                new PricedPosition(Position.cross("eth", "ETHUSDT", Side.SHORT, d("10"), d("3000"), 10), d("3000")));

        assertThat(new MarginAdvice(onePercent).survivableMove(d("10000"), book)).hasValueSatisfying(move -> assertThat(move)
                .isCloseTo(d("0.1014492753623188405797101449275362"), within(d("1e-14")))
                .isLessThanOrEqualTo(d("0.1014492753623188405797101449275362")));
    }

    @Test
    void survivableMove_crossSingleSymbol_equalsTheDistanceToItsLiquidationPrice() {
        List<PricedPosition> book = List.of(new PricedPosition(
                Position.cross("c", "ETHUSDT", Side.SHORT, d("40"), d("3000"), 20), d("3100")));
        CrossAccountRisk pool = shipped.cross(d("12000"), book);
        BigDecimal expected = distance(d("3100"), pool.liquidationPrice("ETHUSDT").orElseThrow());

        assertThat(shippedAdvice.survivableMove(d("12000"), book))
                .hasValueSatisfying(move -> assertThat(move).isCloseTo(expected, within(d("1e-14"))));
    }

    @Test
    void survivableMove_crossEdgeCases_zeroWhenLiquidatedEmptyWhenUnliquidatable() {
        List<PricedPosition> longOnly = List.of(new PricedPosition(
                Position.cross("c", "BTCUSDT", Side.LONG, d("1"), d("60000"), 1), d("60000")));

        // wallet above the notional: even a price of zero leaves equity
        assertThat(flatAdvice.survivableMove(d("61000"), longOnly)).isEmpty();
        // flat 0.4%, wallet 1,000: surplus(x) = 1,000 - 60,000 x - 240 (1 - x) = 760 - 59,760 x
        assertThat(flatAdvice.survivableMove(d("1000"), longOnly)).hasValueSatisfying(move -> assertThat(move)
                .isCloseTo(d("0.01271753681392235609103078982597055"), within(d("1e-14"))));
        // wallet 100: margin balance 100 under the maintenance margin 240 already
        assertThat(flatAdvice.survivableMove(d("100"), longOnly)).contains(BigDecimal.ZERO);
    }

    // ---- helpers that apply the advice, the way a user would ----

    /** Closes {@code fraction} of every position at its mark: the wallet books the PnL, the rest stays open. */
    static BigDecimal ratioAfterClosing(MarginCalculator calculator, BigDecimal wallet, List<PricedPosition> book,
                                        BigDecimal fraction) {
        BigDecimal newWallet = wallet;
        List<PricedPosition> remaining = new ArrayList<>();
        for (PricedPosition priced : book) {
            Position position = priced.position();
            newWallet = newWallet.add(position.unrealizedPnl(priced.markPrice()).multiply(fraction));
            remaining.add(new PricedPosition(Position.cross(position.id(), position.symbol(), position.side(),
                    position.quantity().multiply(BigDecimal.ONE.subtract(fraction)), position.entryPrice(),
                    position.leverage()), priced.markPrice()));
        }
        return calculator.cross(newWallet, remaining).marginRatio();
    }

    static BigDecimal ratioAfterDeposit(MarginCalculator calculator, BigDecimal wallet, List<PricedPosition> book,
                                        BigDecimal deposit) {
        return calculator.cross(wallet.add(deposit), book).marginRatio();
    }
}
