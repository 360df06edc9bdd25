package org.marginsentinel.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;

/**
 * Hand-computed cases with one flat tier (0.4%, no maintenance amount), so every number below is a line of
 * arithmetic.
 */
class StressTestTest {

    private static final BigDecimal EXACT = new BigDecimal("1e-9");
    private final StressTest stress = new StressTest(
            new MarginCalculator(p -> TierSchedule.flat(new BigDecimal("0.004"), BigDecimal.ZERO)));

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static PricedPosition priced(Position position, String mark) {
        return new PricedPosition(position, d(mark));
    }

    /** 1 BTC long at 60,000, 10x isolated: margin 6,000, liquidation 54,000 / 0.996 = 54,216.87. */
    private static final Position ISOLATED_LONG = Position.isolated("1", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10);
    private static final Position CROSS_LONG = Position.cross("2", "BTCUSDT", Side.LONG, d("1"), d("60000"), 10);

    @Test
    void isolatedLong_fivePercentFall_losesItsPnl_butSurvives() {
        StressReport report = stress.run(d("10000"), List.of(priced(ISOLATED_LONG, "60000")),
                Shock.everySymbol(d("-0.05")));

        PositionStress result = report.positions().get(0);
        assertThat(result.markAfter()).isEqualByComparingTo("57000");
        assertThat(result.liquidated()).isFalse();
        assertThat(result.pnlChange()).isEqualByComparingTo("-3000");
        assertThat(result.loss()).isEqualByComparingTo("3000");
        // (60,000 − 54,216.867…) / 60,000
        assertThat(result.survivableMove()).isCloseTo(d("0.09638554216867476"), within(EXACT));
        assertThat(report.equityBefore()).isEqualByComparingTo("10000");
        assertThat(report.equityAfter()).isEqualByComparingTo("7000");
        assertThat(report.liquidations()).isZero();
        assertThat(report.pool().hasPositions()).isFalse();
    }

    @Test
    void isolatedLong_tenPercentFall_isLiquidated_andLosesItsWholeMargin() {
        StressReport report = stress.run(d("10000"), List.of(priced(ISOLATED_LONG, "60000")),
                Shock.everySymbol(d("-0.10")));

        PositionStress result = report.positions().get(0);
        assertThat(result.markAfter()).isEqualByComparingTo("54000");
        assertThat(result.liquidated()).isTrue();
        assertThat(result.loss()).isEqualByComparingTo("6000");
        assertThat(report.loss()).isEqualByComparingTo("6000");
        assertThat(report.equityAfter()).isEqualByComparingTo("4000");
        assertThat(report.liquidations()).isEqualTo(1);
    }

    @Test
    void isolatedPositionAlreadyInProfit_liquidated_losesMarginPlusTodaysProfit() {
        StressReport report = stress.run(d("10000"), List.of(priced(ISOLATED_LONG, "62000")),
                Shock.everySymbol(d("-0.15")));

        // 62,000 × 0.85 = 52,700 < 54,216.87: liquidated; worth 6,000 + 2,000 now, nothing after
        assertThat(report.positions().get(0).liquidated()).isTrue();
        assertThat(report.positions().get(0).loss()).isEqualByComparingTo("8000");
    }

    @Test
    void crossPool_fifteenPercentFall_drainsButSurvives_twentyPercentLiquidatesTheWholeWallet() {
        List<PricedPosition> book = List.of(priced(CROSS_LONG, "60000"));

        StressReport fifteen = stress.run(d("10000"), book, Shock.everySymbol(d("-0.15")));
        // 51,000: PnL −9,000, margin balance 1,000, maintenance 204
        assertThat(fifteen.pool().liquidated()).isFalse();
        assertThat(fifteen.pool().marginBalanceAfter()).isEqualByComparingTo("1000");
        assertThat(fifteen.pool().marginRatioAfter()).isEqualByComparingTo("0.204");
        assertThat(fifteen.pool().loss()).isEqualByComparingTo("9000");
        assertThat(fifteen.positions().get(0).loss()).as("the pool carries cross losses").isZero();
        assertThat(fifteen.loss()).isEqualByComparingTo("9000");

        StressReport twenty = stress.run(d("10000"), book, Shock.everySymbol(d("-0.20")));
        // 48,000: margin balance −2,000: liquidated, the 10,000 cross wallet is gone
        assertThat(twenty.pool().liquidated()).isTrue();
        assertThat(twenty.positions().get(0).liquidated()).isTrue();
        assertThat(twenty.pool().walletLost()).isEqualByComparingTo("10000");
        assertThat(twenty.loss()).isEqualByComparingTo("10000");
        assertThat(twenty.equityAfter()).isEqualByComparingTo("0");

        // survives while 10,000 + (P − 60,000) > 0.004 P, i.e. P > 50,200.80: a fall of 16.33%
        assertThat(fifteen.pool().survivableMove()).isCloseTo(d("0.1633199464524766"), within(EXACT));
        assertThat(twenty.pool().survivableMove()).isEqualByComparingTo(fifteen.pool().survivableMove());
    }

    @Test
    void crossPool_aRise_neverLiquidatesALong() {
        StressReport report = stress.run(d("10000"), List.of(priced(CROSS_LONG, "60000")),
                Shock.everySymbol(d("0.30")));

        assertThat(report.pool().liquidated()).isFalse();
        assertThat(report.pool().loss()).isEqualByComparingTo("-18000");
        assertThat(report.pool().survives()).as("no rise up to +1,000% liquidates a long").isEmpty();
    }

    @Test
    void hedgedPool_uniformMoves_cancelTheirPnl_onlyMaintenanceGrowsWithARise() {
        Position shortEth = new Position("3", "ETHUSDT", Side.SHORT, d("20"), d("3000"), 10, MarginMode.CROSS, null);
        List<PricedPosition> book = List.of(priced(CROSS_LONG, "60000"), priced(shortEth, "3000"));

        StressReport fall = stress.run(d("5000"), book, Shock.everySymbol(d("-0.5")));
        StressReport rise = stress.run(d("5000"), book, Shock.everySymbol(d("0.5")));

        assertThat(fall.pool().loss()).isEqualByComparingTo("0");
        assertThat(fall.pool().survives()).isEmpty();
        // maintenance 0.004 × 120,000 × (1 + x) reaches the 5,000 balance at x = 5,000 / 480 − 1 = 941.67%
        assertThat(rise.pool().survivableMove()).isCloseTo(d("9.416666666666666"), within(EXACT));
    }

    @Test
    void oneSymbolShock_leavesTheOthersAlone() {
        Position ethLong = Position.isolated("4", "ETHUSDT", Side.LONG, d("1"), d("3000"), 10);
        StressReport report = stress.run(d("10000"), List.of(priced(ISOLATED_LONG, "60000"), priced(ethLong, "3000")),
                Shock.of(d("-0.12"), "ETHUSDT"));

        assertThat(report.positions().get(0).shocked()).isFalse();
        assertThat(report.positions().get(0).loss()).isEqualByComparingTo("0");
        // ETH 3,000 → 2,640; isolated margin 300, liquidation 2,700 / 0.996 = 2,710.84: liquidated
        assertThat(report.positions().get(1).liquidated()).isTrue();
        assertThat(report.loss()).isEqualByComparingTo("300");
    }

    @Test
    void shock_refusesNoMoveAndImpossibleMoves() {
        assertThatThrownBy(() -> Shock.everySymbol(BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shock.everySymbol(d("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shock.everySymbol(d("10.5"))).isInstanceOf(IllegalArgumentException.class);
    }
}
