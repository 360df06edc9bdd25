package org.marginsentinel.application.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;

/**
 * Issue 12's crash: every liquidation due at a tick's marks is carried out in that tick. A liquidation rebuilds its
 * owner's book, which used to drop the owner's other flagged positions until the next tick (one liquidation per
 * user per tick: seven 20x longs took seven ticks).
 */
class CrashLiquidationsTest {

    private static final String[] SEVEN = {"BTCUSDT", "ETHUSDT", "SOLUSDT", "BNBUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT"};
    private static final String[] PRICES = {"95000", "3500", "200", "600", "2.5", "0.4", "1"};
    /** About 400–600 USDT of each. */
    private static final String[] QUANTITIES = {"0.005", "0.1", "2", "1", "200", "1000", "500"};

    private final WatchRig rig = new WatchRig();

    /** Every symbol's mark 7% under its opening price: past a 20x long's liquidation (about 4.6% down). */
    private static String[] sevenPercentDown() {
        String[] marks = new String[SEVEN.length * 2];
        for (int i = 0; i < SEVEN.length; i++) {
            marks[2 * i] = SEVEN[i];
            marks[2 * i + 1] = new java.math.BigDecimal(PRICES[i]).multiply(new java.math.BigDecimal("0.93")).toPlainString();
        }
        return marks;
    }

    @Test
    void sevenTwentyXLongsOfOneUser_allLiquidatedInTheFirstTickOfASevenPercentFall() {
        for (int i = 0; i < SEVEN.length; i++) {
            rig.desk.marks.set(SEVEN[i], PRICES[i]);
        }
        rig.desk.trading.start(1, "Crash");
        rig.commit();
        for (int i = 0; i < SEVEN.length; i++) {
            rig.desk.trading.open(1, order(SEVEN[i], Side.LONG, QUANTITIES[i], 20, MarginMode.ISOLATED, PRICES[i]));
            rig.commit();
        }
        rig.desk.clock.advance(Duration.ofSeconds(1));
        rig.desk.notifier.clear();

        TickReport report = rig.tick(sevenPercentDown()); // every mark 7% down

        List<Notice> liquidated = rig.desk.notifier.notices().stream()
                .filter(n -> n instanceof Notice.IsolatedLiquidated).toList();
        assertThat(liquidated).hasSize(7);
        assertThat(report.liquidations()).isEqualTo(7);
        assertThat(rig.monitor.watchedPositions()).isZero();
    }

    @Test
    void manyUsersWithSeveralPositionsEach_allLiquidatedInOneTick() {
        for (int i = 0; i < SEVEN.length; i++) {
            rig.desk.marks.set(SEVEN[i], PRICES[i]);
        }
        for (long user = 1; user <= 20; user++) {
            rig.desk.trading.start(user, "U" + user);
            rig.commit();
            for (int i = 0; i < 3; i++) { // 20x, 25x, 30x on three symbols
                int symbol = (int) (user + i) % SEVEN.length;
                rig.desk.trading.open(user, order(SEVEN[symbol], Side.LONG, QUANTITIES[symbol], 20 + i * 5, MarginMode.ISOLATED,
                        PRICES[symbol]));
                rig.commit();
            }
        }
        rig.desk.clock.advance(Duration.ofSeconds(1));

        TickReport report = rig.tick(sevenPercentDown());

        assertThat(report.liquidations()).isEqualTo(60);
        assertThat(rig.monitor.watchedPositions()).isZero();
    }
}
