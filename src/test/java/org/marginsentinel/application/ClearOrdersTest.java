package org.marginsentinel.application;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** What an order tells about itself (add, flip), the one-leverage-per-symbol rule, and closing everything at once. */
class ClearOrdersTest {

    private static final long TRADER = 7;

    private final PaperDesk desk = new PaperDesk();
    private final PaperTrading trading = desk.trading;
    private final CloseAll closeAll = new CloseAll(trading, new LockedPositions(desk.accounts));

    @BeforeEach
    void openAccount() {
        desk.marks.set("BTCUSDT", "100000").set("ETHUSDT", "3000");
        trading.start(TRADER, "Trader");
    }

    @Test
    void add_tellsThePreviousPositionAndTheFill() {
        TradeResult first = trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, "96000"));
        TradeResult added = trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, "97000"));

        assertThat(first.added()).isFalse();
        assertThat(first.previous()).isNull();
        assertThat(added.added()).isTrue();
        assertThat(added.filledQuantity()).isEqualByComparingTo("0.1");
        assertThat(added.position().number()).isEqualTo(first.position().number());
        assertThat(added.position().position().quantity()).isEqualByComparingTo("0.2");
        assertThat(added.position().position().entryPrice()).isEqualByComparingTo("96500");
    }

    @Test
    void flip_saysItIsOne_andTheNewSideKeepsThePositionsNumber() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null));

        TradeResult flipped = trading.open(TRADER, order("BTCUSDT", Side.SHORT, "0.3", 10, MarginMode.ISOLATED, null));

        assertThat(flipped.flipped()).isTrue();
        assertThat(flipped.previous().number()).isEqualTo(1);
        assertThat(flipped.position().number()).isEqualTo(1);
        assertThat(flipped.position().position().side()).isEqualTo(Side.SHORT);
        assertThat(flipped.closedQuantity()).isEqualByComparingTo("0.1");
        assertThat(flipped.filledQuantity()).isEqualByComparingTo("0.3");
    }

    @Test
    void higherLeverageOnAdd_appliesToTheWholePosition_keepingItsMargin() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null)); // margin 1,000

        TradeResult added = trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 20, MarginMode.ISOLATED, null));

        assertThat(added.position().position().leverage()).isEqualTo(20);
        assertThat(added.position().position().isolatedMargin()).isEqualByComparingTo("1500"); // 1,000 + 10,000/20
    }

    @Test
    void lowerLeverageOnAdd_isRefused_whenTheIsolatedMarginCannotCoverTheNewInitialMargin() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null)); // margin 1,000

        // 5x on the whole 0.1 BTC needs 10,000 / 5 = 2,000 of margin; it holds 1,000
        refusedWithoutChange(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null)),
                "needs 2,000.00 USDT of isolated margin, but it holds 1,000.00 USDT");

        trading.adjustMargin(TRADER, "1", true, new java.math.BigDecimal("1000"));
        TradeResult added = trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null));
        assertThat(added.position().position().leverage()).isEqualTo(5);
    }

    @Test
    void closeAll_closesEveryPositionAtTheMarks() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null));
        trading.open(TRADER, order("ETHUSDT", Side.SHORT, "1", 10, MarginMode.CROSS, null));
        desk.marks.set("BTCUSDT", "101000").set("ETHUSDT", "2900");

        List<TradeResult> closed = closeAll.closeAll(TRADER, List.of(2, 1));

        assertThat(closed).hasSize(2);
        assertThat(trading.snapshot(TRADER).positions()).isEmpty();
        assertThat(trading.snapshot(TRADER).account().walletBalance()).isEqualByComparingTo("10200"); // +100 +100
    }

    @Test
    void closeAll_refusesAndChangesNothing_whenTheListChangedOrAMarkIsStale() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null));
        trading.open(TRADER, order("ETHUSDT", Side.SHORT, "1", 10, MarginMode.CROSS, null));

        refusedWithoutChange(() -> closeAll.closeAll(TRADER, List.of(1)), "changed since I asked");
        refusedWithoutChange(() -> closeAll.closeAll(TRADER, List.of(1, 2, 3)), "changed since I asked");
        desk.marks.stale("ETHUSDT");
        refusedWithoutChange(() -> closeAll.closeAll(TRADER, List.of(1, 2)), "nothing was closed");
    }

    private void refusedWithoutChange(Executable action, String reason) {
        String before = desk.store.dump();
        assertThatThrownBy(action::execute).isInstanceOf(CommandRejected.class).satisfies(saying(reason));
        assertThat(desk.store.dump()).isEqualTo(before);
    }
}
