package org.marginsentinel.application;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.ExitKind;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.application.port.PositionStop;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.domain.trigger.StopCheck;
import org.marginsentinel.domain.trigger.StopKind;
import org.marginsentinel.testsupport.fakes.InMemoryAccountStore;
import org.marginsentinel.testsupport.fakes.InMemoryStopStore;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** Stops with Binance's regular taker fee (0.05%): set, judged, executed once at the mark. */
class StopOrdersTest {

    private static final long USER = 7;

    private final PaperDesk desk = new PaperDesk(TradingFees.BINANCE_REGULAR);
    private final InMemoryStopStore stopStore = new InMemoryStopStore(desk.store);
    private final List<TriggersChanged> changes = new ArrayList<>();
    private final StopOrders stops = new StopOrders(desk.trading, stopStore, desk.marks, desk.fees, desk.notifier,
            desk.clock, changes::add);

    @BeforeEach
    void openLong() {
        desk.marks.set("BTCUSDT", "100000");
        desk.trading.start(USER, "Trader");
        desk.trading.open(USER, PaperDesk.order("BTCUSDT", Side.LONG, "0.2", 10, MarginMode.ISOLATED, null));
    }

    private PositionStop stop(StopKind kind) {
        return stopStore.find(desk.store.rows(USER).get(0).id(), kind).orElseThrow();
    }

    @Test
    void execute_closesTheRestAtTheMark_withTheTakerFee_exactlyOnce() {
        stops.set(USER, "1", StopKind.STOP_LOSS, d("95000"));
        stops.set(USER, "#1", StopKind.TAKE_PROFIT, d("110000"));
        desk.trading.close(USER, "1", Portion.percent(d("50")));
        PositionStop due = stop(StopKind.STOP_LOSS);
        desk.marks.set("BTCUSDT", "94000");

        Notice.StopExecuted executed = stops.execute(due, d("94000")).orElseThrow();

        assertThat(executed.quantity()).isEqualByComparingTo("0.1");
        assertThat(executed.realizedPnl()).isEqualByComparingTo("-600");
        assertThat(executed.fee()).isEqualByComparingTo("4.70"); // 0.1 × 94,000 × 0.05%
        // fees: open 10, half close 5, stop 4.70
        assertThat(desk.trading.snapshot(USER).account().walletBalance()).isEqualByComparingTo("9380.30");
        assertThat(desk.store.exits()).extracting(InMemoryAccountStore.Exit::kind)
                .containsExactly(ExitKind.CLOSE, ExitKind.STOP_LOSS);
        assertThat(stopStore.size()).as("the take-profit went with the position").isZero();
        assertThat(desk.notifier.notices(Notice.StopExecuted.class)).hasSize(1);

        assertThat(stops.execute(due, d("93000"))).as("a second attempt (retried tick, restart)").isEmpty();
        assertThat(desk.trading.snapshot(USER).account().walletBalance()).isEqualByComparingTo("9380.30");
        assertThat(desk.notifier.notices(Notice.StopExecuted.class)).hasSize(1);
    }

    @Test
    void execute_stopMovedAwayMeanwhile_doesNothing() {
        stops.set(USER, "1", StopKind.STOP_LOSS, d("95000"));
        PositionStop due = stop(StopKind.STOP_LOSS);
        stops.set(USER, "1", StopKind.STOP_LOSS, d("92000"));

        assertThat(stops.execute(due, d("94000"))).isEmpty();
        assertThat(desk.trading.snapshot(USER).positions()).hasSize(1);
    }

    @Test
    void execute_positionClosedMeanwhile_movesNothing_andForgetsTheStop() {
        stops.set(USER, "1", StopKind.STOP_LOSS, d("95000"));
        PositionStop due = stop(StopKind.STOP_LOSS);
        desk.trading.close(USER, "1", Portion.ALL);
        double wallet = desk.trading.snapshot(USER).account().walletBalance().doubleValue();

        assertThat(stops.execute(due, d("94000"))).isEmpty();
        assertThat(desk.trading.snapshot(USER).account().walletBalance().doubleValue()).isEqualTo(wallet);
        assertThat(stopStore.size()).isZero();
    }

    @Test
    void set_judgesTheStop_againstLiquidationAndFees() {
        assertThat(stops.set(USER, "1", StopKind.STOP_LOSS, d("85000")).verdict())
                .isEqualTo(StopCheck.Verdict.NEVER_FIRES);
        assertThat(stops.set(USER, "1", StopKind.TAKE_PROFIT, d("100050")).verdict())
                .isEqualTo(StopCheck.Verdict.LOSES_AFTER_FEES);
        assertThat(stops.set(USER, "1", StopKind.TAKE_PROFIT, d("100200")).verdict()).isEqualTo(StopCheck.Verdict.OK);
        assertThat(stops.of(desk.trading.snapshot(USER)).values().iterator().next()).hasSize(2);
        assertThat(changes).hasSize(3);
    }

    @Test
    void set_pastTheMark_isRefused_andChangesNothing() {
        assertThatThrownBy(() -> stops.set(USER, "1", StopKind.STOP_LOSS, d("100500")))
                .isInstanceOf(CommandRejected.class).satisfies(saying("would fire at once"));
        assertThat(stopStore.size()).isZero();
        assertThat(changes).isEmpty();
    }
}
