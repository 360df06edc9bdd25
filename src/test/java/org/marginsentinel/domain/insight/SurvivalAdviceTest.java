package org.marginsentinel.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginCalculator;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSchedule;
import org.marginsentinel.domain.margin.TierTable;

class SurvivalAdviceTest {

    private final MarginCalculator flat = new MarginCalculator(
            p -> TierSchedule.flat(new BigDecimal("0.004"), BigDecimal.ZERO));
    private final SurvivalAdvice advice = new SurvivalAdvice(flat);

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static PricedPosition crossLong(String entry, String mark) {
        return new PricedPosition(Position.cross("1", "BTCUSDT", Side.LONG, d("1"), d(entry), 10), d(mark));
    }

    @Test
    void cross_survivesTheMoveAlready_needsNothing() {
        // 10% fall to 54,000: 7,000 − 6,000 − 216 = 784 > 0
        CrossSurvivalAdvice result = advice.cross(d("7000"), List.of(crossLong("60000", "60000")),
                Map.of("BTCUSDT", d("0.10")));

        assertThat(result.needed()).isFalse();
        assertThat(result.depositNeeded()).isZero();
    }

    @Test
    void cross_shortOf216_depositsThat_orClosesAboutThreeAndAHalfPercent() {
        // at 54,000: 6,000 − 6,000 − 216 = −216. Closing f: 6,000 − (1 − f) × 6,216 > 0 ⇔ f > 216 / 6,216
        CrossSurvivalAdvice result = advice.cross(d("6000"), List.of(crossLong("60000", "60000")),
                Map.of("BTCUSDT", d("0.10")));

        assertThat(result.depositNeeded()).isEqualByComparingTo("216");
        assertThat(result.fractionToClose()).isCloseTo(d("0.03474903474903475"), within(d("1e-11")));
        assertThat(result.fractionToClose()).isGreaterThan(d("0.03474903474903474"));
    }

    @Test
    void cross_withALossAlready_closingBooksTodaysLossButStillHelps() {
        // entry 62,000, mark 60,000, wallet 8,000: at 54,000 the surplus is 8,000 − 8,000 − 216 = −216;
        // closing f: 8,000 − 2,000 f − 8,000 (1 − f) − 216 (1 − f) = 6,216 f − 216
        CrossSurvivalAdvice result = advice.cross(d("8000"), List.of(crossLong("62000", "60000")),
                Map.of("BTCUSDT", d("0.10")));

        assertThat(result.depositNeeded()).isEqualByComparingTo("216");
        assertThat(result.fractionToClose()).isCloseTo(d("0.03474903474903475"), within(d("1e-11")));
    }

    @Test
    void cross_followedWithTheEngine_theDepositOrTheCloseReallySurvivesTheMove() {
        MarginCalculator shipped = new MarginCalculator(TierTable.shippedDefaults());
        SurvivalAdvice real = new SurvivalAdvice(shipped);
        Position btc = new Position("1", "BTCUSDT", Side.LONG, d("3"), d("80000"), 20, MarginMode.CROSS, null);
        Position eth = new Position("2", "ETHUSDT", Side.SHORT, d("40"), d("2500"), 20, MarginMode.CROSS, null);
        List<PricedPosition> book = List.of(new PricedPosition(btc, d("79000")), new PricedPosition(eth, d("2550")));
        Map<String, BigDecimal> moves = Map.of("BTCUSDT", d("0.06"), "ETHUSDT", d("0.08"));

        CrossSurvivalAdvice result = real.cross(d("20000"), book, moves);

        assertThat(result.needed()).isTrue();
        List<PricedPosition> stressed = List.of(new PricedPosition(btc, d("79000").multiply(d("0.94"))),
                new PricedPosition(eth, d("2550").multiply(d("1.08"))));
        CrossAccountRisk withDeposit = shipped.cross(d("20000").add(result.depositNeeded()).add(d("0.01")), stressed);
        assertThat(withDeposit.liquidated()).isFalse();
        assertThat(shipped.cross(d("20000").add(result.depositNeeded()).subtract(d("0.01")), stressed).liquidated())
                .isTrue();

        BigDecimal keep = BigDecimal.ONE.subtract(result.fractionToClose());
        BigDecimal booked = btc.unrealizedPnl(d("79000")).add(eth.unrealizedPnl(d("2550"))).multiply(result.fractionToClose());
        List<PricedPosition> reducedStressed = List.of(
                new PricedPosition(new Position("1", "BTCUSDT", Side.LONG, d("3").multiply(keep), d("80000"), 20,
                        MarginMode.CROSS, null), stressed.get(0).markPrice()),
                new PricedPosition(new Position("2", "ETHUSDT", Side.SHORT, d("40").multiply(keep), d("2500"), 20,
                        MarginMode.CROSS, null), stressed.get(1).markPrice()));
        assertThat(shipped.cross(d("20000").add(booked), reducedStressed).liquidated()).isFalse();
    }
}
