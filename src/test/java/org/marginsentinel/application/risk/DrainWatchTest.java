package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;

/** The drain watch remembers across account changes, and its figures are the engine's. In milliseconds. */
class DrainWatchTest {

    private static final long QUIET = 1;
    private static final long SETTINGS = 2;
    private static final long MARGIN = 3;
    private static final long DEPOSIT = 4;
    private static final List<Long> TRADERS = List.of(QUIET, SETTINGS, MARGIN, DEPOSIT);

    private final WatchRig rig = new WatchRig();

    /** Each trader: an isolated BTC long (160 USDT margin) and 10 ETH long 5x cross on a 9,840 USDT cross wallet. */
    private void openFourIdenticalBooks() {
        rig.desk.marks.set("BTCUSDT", "80000").set("ETHUSDT", "2600");
        for (long trader : TRADERS) {
            rig.desk.trading.start(trader, "Trader " + trader);
            rig.desk.trading.open(trader, order("BTCUSDT", Side.LONG, "0.01", 5, MarginMode.ISOLATED, "80000"));
            rig.desk.trading.open(trader, order("ETHUSDT", Side.LONG, "10", 5, MarginMode.CROSS, "2600"));
        }
        rig.commit();
    }

    private List<Notice.DrainWarning> minuteAt(String eth) {
        rig.desk.clock.advance(Duration.ofMinutes(1));
        rig.desk.notifier.clear();
        rig.tick("BTCUSDT", "80000", "ETHUSDT", eth);
        return rig.desk.notifier.notices().stream().filter(Notice.DrainWarning.class::isInstance)
                .map(Notice.DrainWarning.class::cast).toList();
    }

    @Test
    void fourPoolsDraining25Percent_withUnrelatedActivity_areAllWarned() {
        openFourIdenticalBooks();
        List<Notice.DrainWarning> warnings = new java.util.ArrayList<>();
        for (String eth : List.of("2600", "2560", "2520", "2480")) {
            warnings.addAll(minuteAt(eth));
        }
        // Unrelated activity mid-drain: an alert setting saved (the book is rebuilt as after any committed change),
        // margin added to the isolated BTC position (100 USDT leave the cross wallet), a deposit of 1,000 USDT.
        rig.monitor.reload(SETTINGS);
        rig.desk.trading.adjustMargin(MARGIN, "1", true, d("100"));
        rig.desk.trading.deposit(DEPOSIT, d("1000"));
        rig.commit();
        for (String eth : List.of("2440", "2400", "2354")) {
            warnings.addAll(minuteAt(eth));
        }

        Map<Long, Long> perTrader = warnings.stream()
                .collect(Collectors.groupingBy(Notice.DrainWarning::userId, Collectors.counting()));
        assertThat(perTrader).containsOnlyKeys(TRADERS).allSatisfy((trader, count) -> assertThat(count).isEqualTo(1));
        // The deposit neither hid the drain nor counted as one: 2,460 lost of a 10,840 high is 22.69%.
        Notice.DrainWarning deposited = warnings.stream().filter(w -> w.userId() == DEPOSIT).findFirst().orElseThrow();
        assertThat(deposited.dropFraction().movePointRight(2)).isBetween(d("22.69"), d("22.70"));
    }

    @Test
    void aWithdrawalMidFall_isNotADrain() {
        openFourIdenticalBooks();
        minuteAt("2600");
        assertThat(minuteAt("2480")).isEmpty();        // the market took 1,200 of 9,840: 12.2%
        rig.desk.trading.withdraw(QUIET, d("1000"));   // read as a loss this would make 22.4%
        rig.commit();

        assertThat(minuteAt("2480")).isEmpty();
        assertThat(minuteAt("2470")).isEmpty();
    }

    @Test
    void drainFigures_areTheEnginesAndAgreeWithThePoolsDistance() {
        openFourIdenticalBooks();
        minuteAt("2600");

        Notice.DrainWarning warning = minuteAt("2350").stream().filter(w -> w.userId() == QUIET).findFirst()
                .orElseThrow(); // 2,500 of 9,840 lost in one minute

        List<PricedPosition> pool = List.of(new PricedPosition(
                Position.cross("2", "ETHUSDT", Side.LONG, d("10"), d("2600"), 5), d("2350")));
        CrossAccountRisk exact = rig.desk.calculator.cross(d("9840"), pool);
        PoolDistance distance = PoolDistance.of(rig.desk.calculator, d("9840"), pool, rig.desk.volatilities::cached);
        assertThat(warning.marginBalance()).isEqualByComparingTo(exact.marginBalance());
        assertThat(warning.marginRatio()).isEqualByComparingTo(exact.marginRatio());
        assertThat(warning.distance().move()).isEqualByComparingTo(distance.move());
        // One minute is not an hourly rate: 2,500 over at least 15 minutes is 10,000 per hour, not 150,000.
        assertThat(warning.ratePerHour()).isEqualByComparingTo("10000");
        // At that rate, the time left is the engine's headroom over the rate.
        BigDecimal headroom = exact.marginBalance().subtract(exact.maintenanceMargin());
        assertThat(warning.timeToLiquidation().toSeconds())
                .isEqualTo(headroom.multiply(d("3600")).divide(d("10000"), 0, java.math.RoundingMode.FLOOR).longValue());
    }
}
