package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.command.CommandContext;
import org.marginsentinel.application.alert.OrderStandings;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.LotSize;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * A warning's "Close 25%" on a cross pool closes that share of every cross position the exchange would take an order
 * for; a position whose share is under one lot step stays open and is named, instead of blocking the whole close.
 */
class WarningPoolCloseTest {

    private static final long TRADER = 9;

    private final PaperDesk desk = new PaperDesk();
    private final WarningCloseAction action = new WarningCloseAction();

    @Test
    void aShareUnderOneStep_leavesThatPositionOpen_andClosesTheRest() {
        desk.marks.set("BTCUSDT", "97000").set("ETHUSDT", "3000");
        desk.lotSizes.put("BTCUSDT", new LotSize(d("0.001"), d("0.001")));
        desk.lotSizes.put("ETHUSDT", new LotSize(d("0.01"), d("0.01")));
        desk.trading.start(TRADER, "Trader");
        desk.trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.003", 10, MarginMode.CROSS, null));
        desk.trading.open(TRADER, order("ETHUSDT", Side.LONG, "1", 10, MarginMode.CROSS, null));
        action.trading = desk.trading;
        action.standings = new OrderStandings(desk.alerts, desk.clock, desk.calculator,
                desk.volatilities);

        // 25% of 0.003 BTC = 0.00075, under the 0.001 step; 25% of 1 ETH = 0.25, on the 0.01 step
        String reply = action.confirmed(new CommandContext(TRADER, "Trader", TRADER, true, null, 1, List.of(), ""),
                WarningCloseAction.payload(new WarningTicket(null, 0, null, null), 25)).html();

        assertThat(reply).contains("#1 BTCUSDT: left open, 25% of it is less than the smallest order the exchange takes")
                .contains("#2 ETHUSDT: 0.25 at 3,000");
        var positions = desk.trading.snapshot(TRADER).positions();
        assertThat(positions).hasSize(2);
        assertThat(positions.get(0).position().quantity()).isEqualByComparingTo("0.003");
        assertThat(positions.get(1).position().quantity()).isEqualByComparingTo("0.75");
    }
}
