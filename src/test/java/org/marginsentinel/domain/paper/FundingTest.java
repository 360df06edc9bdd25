package org.marginsentinel.domain.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierTable;

/** Funding payments as Binance books them, and what they do to an isolated position's liquidation price. */
class FundingTest {

    private final MarginCalculator calculator = new MarginCalculator(TierTable.shippedDefaults());

    @Test
    void fundingIsNotionalAtTheMarkTimesTheRate_longsPayWhenPositive() {
        // Binance: funding amount = position notional (size × mark) × funding rate; 10,000 USDT at 0.01% = 1 USDT
        Position longBtc = Position.isolated("1", "BTCUSDT", Side.LONG, new BigDecimal("0.2"), new BigDecimal("48000"), 10);
        Position shortBtc = Position.cross("2", "BTCUSDT", Side.SHORT, new BigDecimal("0.2"), new BigDecimal("48000"), 10);

        assertThat(Funding.received(longBtc, new BigDecimal("50000"), new BigDecimal("0.0001"))).isEqualByComparingTo("-1");
        assertThat(Funding.received(shortBtc, new BigDecimal("50000"), new BigDecimal("0.0001"))).isEqualByComparingTo("1");
        assertThat(Funding.received(longBtc, new BigDecimal("50000"), new BigDecimal("-0.0003"))).isEqualByComparingTo("3");
    }

    @Test
    void isolatedFunding_movesTheLiquidationPrice_asTheIssueQuotes() {
        // A 20x BTC long 4.6% from liquidation is 4.4% away after 7 days at 0.01%/8h and 3.7% after 3 days at 0.1%/8h
        BigDecimal price = new BigDecimal("50000");
        Position opened = Position.isolated("1", "BTCUSDT", Side.LONG, new BigDecimal("0.1"), price, 20);

        assertThat(distance(opened, price)).isEqualByComparingTo("4.6");
        assertThat(distance(afterFundings(opened, price, "0.0001", 21), price)).isEqualByComparingTo("4.4");
        assertThat(distance(afterFundings(opened, price, "0.001", 9), price)).isEqualByComparingTo("3.7");
    }

    @Test
    void crossFunding_leavesThePositionAlone_andAMarginThatCannotPayIsNeverBookedBelowZero() {
        Position cross = Position.cross("2", "ETHUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"), 10);
        Position isolated = Position.isolated("3", "ETHUSDT", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"), 100);

        assertThat(Funding.booked(cross, new BigDecimal("-5"))).isEqualTo(cross);
        BigDecimal payable = Funding.payable(isolated, new BigDecimal("-45"));   // margin is 30
        assertThat(payable.negate()).isLessThan(new BigDecimal("30")).isGreaterThan(new BigDecimal("29.99"));
        assertThat(Funding.booked(isolated, payable).isolatedMargin()).isPositive();
    }

    private static Position afterFundings(Position position, BigDecimal mark, String rate, int times) {
        Position funded = position;
        for (int i = 0; i < times; i++) {
            funded = Funding.booked(funded, Funding.received(funded, mark, new BigDecimal(rate)));
        }
        return funded;
    }

    /** Distance from the mark to the liquidation price, in percent to one decimal. */
    private BigDecimal distance(Position position, BigDecimal mark) {
        BigDecimal liquidation = calculator.isolatedLiquidationPrice(position).orElseThrow();
        return mark.subtract(liquidation).multiply(new BigDecimal("100")).divide(mark, 1, RoundingMode.HALF_EVEN);
    }
}
