package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.application.alert.Standing;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.AlertPreferences;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.alert.RiskThresholds;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.OddsTrigger;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * Born safe with an odds trigger ({@code /alerts odds 10%}): the reply to an order judges the position by the same
 * WARNING distance as the watch, the odds-widened one, so a position is never told "safe" and warned seconds later.
 */
class BornSafeWithOddsTest {

    private static final long TRADER = 8;

    private final WatchRig rig = new WatchRig();
    private final OrderStandings standings = new OrderStandings(rig.desk.alerts, rig.desk.clock, rig.desk.calculator,
            rig.desk.volatilities);

    @Test
    void aPositionInsideTheOddsWidenedDistance_isToldWarning_andNotWarnedForItSecondsLater() {
        DailyVolatility tenPercentADay = new DailyVolatility(0.10, 168, Duration.ofHours(1));
        rig.desk.volatilities.set("BTCUSDT", tenPercentADay);
        rig.desk.marks.set("BTCUSDT", "80000");
        rig.desk.trading.start(TRADER, "Trader");
        AlertPreferences withOdds = new AlertPreferences(RiskThresholds.DEFAULTS, true, null, null,
                new BigDecimal("0.10"));
        rig.desk.alerts.savePreferences(TRADER, withOdds);
        rig.commit();

        // 8x isolated long: liquidation about 12% away, outside the 10% WARNING distance, inside the odds trigger's
        TradeResult opened = rig.desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 8, MarginMode.ISOLATED,
                null));
        BigDecimal distance = opened.risk().distanceToLiquidation();
        RiskThresholds effective = OddsTrigger.effective(withOdds, Side.LONG, Optional.of(tenPercentADay));
        assertThat(distance).isGreaterThan(RiskThresholds.DEFAULTS.isolatedWarning())
                .isLessThan(effective.isolatedWarning());

        Standing told = standings.afterOrder(TRADER, opened);
        rig.commit();
        rig.tick("BTCUSDT", "80000");
        rig.desk.clock.advance(Duration.ofSeconds(5));
        rig.tick("BTCUSDT", "79950");

        assertThat(rig.desk.notifier.notices()).noneMatch(n -> n instanceof Notice.PositionWarning);
        assertThat(told.level()).isEqualTo(RiskLevel.WARNING);
        assertThat(told.threshold()).isEqualByComparingTo(effective.isolatedWarning());

        // worse than it was opened at is still warned
        rig.desk.clock.advance(Duration.ofSeconds(5));
        rig.tick("BTCUSDT", "72000");
        assertThat(rig.desk.notifier.notices()).filteredOn(n -> n instanceof Notice.PositionWarning)
                .extracting(Notice::severity).isNotEmpty();
    }
}
