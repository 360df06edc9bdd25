package org.marginsentinel.application.trigger;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.StopOrders;
import org.marginsentinel.application.TriggersChanged;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.trigger.Direction;
import org.marginsentinel.domain.trigger.StopKind;
import org.marginsentinel.testsupport.fakes.InMemoryPriceAlertStore;
import org.marginsentinel.testsupport.fakes.InMemoryStopStore;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** The tick's side of alerts and stops: judged from memory, carried out once. */
class PriceTriggersTest {

    private static final long USER = 7;

    private final PaperDesk desk = new PaperDesk();
    private final InMemoryPriceAlertStore alertStore = new InMemoryPriceAlertStore();
    private final InMemoryStopStore stopStore = new InMemoryStopStore(desk.store);
    private final List<TriggersChanged> changes = new ArrayList<>();
    private final PriceAlerts alerts = new PriceAlerts(alertStore, desk.marks, desk.notifier, desk.clock, changes::add);
    private final StopOrders stops = new StopOrders(desk.trading, stopStore, desk.marks, desk.fees, desk.notifier,
            desk.clock, changes::add);
    private PriceTriggers triggers = new PriceTriggers(alertStore, stopStore, alerts, stops);

    @Test
    void alerts_fireOnce_fromMemory_withoutReadingPerTick() {
        desk.marks.set("BTCUSDT", "100000").set("ETHUSDT", "3000");
        triggers.check(desk.marks.all()); // loads (empty)
        alerts.add(USER, "btc", Direction.BELOW, d("90000"));
        alerts.add(USER, "ETH", Direction.ABOVE, d("4000"));
        changes.forEach(c -> triggers.reload(c.userId()));
        int readsBefore = alertStore.reads();

        for (String btc : List.of("95000", "90000", "89000", "85000")) {
            desk.marks.set("BTCUSDT", btc);
            triggers.check(desk.marks.all());
        }

        assertThat(alertStore.reads()).as("no read per tick").isEqualTo(readsBefore);
        List<Notice.PriceAlertFired> fired = desk.notifier.notices(Notice.PriceAlertFired.class);
        assertThat(fired).hasSize(1);
        assertThat(fired.get(0).mark()).isEqualByComparingTo("90000");
        assertThat(alerts.of(USER)).extracting(a -> a.symbol()).containsExactly("ETHUSDT");
        assertThat(triggers.held()).isEqualTo(1);
    }

    @Test
    void alerts_afterRestart_firedOnesStayGone() {
        desk.marks.set("BTCUSDT", "100000");
        alerts.add(USER, "BTC", Direction.BELOW, d("90000"));
        desk.marks.set("BTCUSDT", "89000");
        triggers.check(desk.marks.all());

        triggers = new PriceTriggers(alertStore, stopStore, alerts, stops); // a restart: memory from the store
        triggers.check(desk.marks.all());

        assertThat(desk.notifier.notices(Notice.PriceAlertFired.class)).hasSize(1);
    }

    @Test
    void alerts_atMost20_andNotOneAlreadyReached() {
        desk.marks.set("BTCUSDT", "100000");
        assertThatThrownBy(() -> alerts.add(USER, "BTC", Direction.ABOVE, d("99000")))
                .isInstanceOf(CommandRejected.class).satisfies(saying("fire at once"));
        for (int i = 1; i <= PriceAlerts.MAX_PER_USER; i++) {
            alerts.add(USER, "BTC", Direction.ABOVE, d("100000").add(d(String.valueOf(i))));
        }
        assertThatThrownBy(() -> alerts.add(USER, "BTC", Direction.ABOVE, d("200000")))
                .isInstanceOf(CommandRejected.class).satisfies(saying("20 alerts"));
    }

    @Test
    void stops_executeInTheTick_andTheExecutedOneLeavesMemory() {
        desk.marks.set("BTCUSDT", "100000");
        desk.trading.start(USER, "Trader");
        desk.trading.open(USER, PaperDesk.order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null));
        stops.set(USER, "1", StopKind.TAKE_PROFIT, d("105000"));
        triggers.check(desk.marks.all());
        assertThat(triggers.held()).isEqualTo(1);

        desk.marks.set("BTCUSDT", "105500");
        triggers.check(desk.marks.all());
        triggers.check(desk.marks.all());

        assertThat(desk.notifier.notices(Notice.StopExecuted.class)).hasSize(1)
                .allSatisfy(n -> assertThat(n.realizedPnl()).isEqualByComparingTo("550"));
        assertThat(desk.trading.snapshot(USER).positions()).isEmpty();
        assertThat(triggers.held()).isZero();
    }
}
