package org.marginsentinel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.application.port.PositionStatus;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.testsupport.fakes.InMemoryAccountStore.Row;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** A flip (an opposite order larger than the position) keeps the position's number, so "/close 1" still finds it. */
class FlipKeepsNumberTest {

    private static final long TRADER = 7;

    private final PaperDesk desk = new PaperDesk(TradingFees.BINANCE_REGULAR);
    private final PaperTrading trading = desk.trading;

    @BeforeEach
    void openAccount() {
        desk.marks.set("BTCUSDT", "100000").set("ETHUSDT", "3000");
        trading.start(TRADER, "Trader");
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 10, MarginMode.ISOLATED, null));
    }

    @Test
    void theOtherSide_isPositionOne_andClosingNumberOneClosesIt() {
        TradeResult flipped = trading.open(TRADER, order("BTCUSDT", Side.SHORT, "0.3", 10, MarginMode.ISOLATED, null));
        assertThat(flipped.position().number()).isEqualTo(1);
        assertThat(flipped.position().id()).isNotEqualTo(flipped.previous().id()); // a new position, with its own history

        TradeResult closed = trading.close(TRADER, "1", Portion.ALL);

        assertThat(closed.closedQuantity()).isEqualByComparingTo("0.2");
        assertThat(closed.position()).isNull();
        assertThat(desk.store.rows(TRADER)).extracting(Row::number, r -> r.position().side(), Row::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, Side.LONG, PositionStatus.CLOSED),
                        org.assertj.core.groups.Tuple.tuple(1, Side.SHORT, PositionStatus.CLOSED));
    }

    @Test
    void flippingBackAndForth_keepsTheNumber_andTheNextSymbolTakesTheNextOne() {
        trading.open(TRADER, order("BTCUSDT", Side.SHORT, "0.3", 10, MarginMode.ISOLATED, null));
        TradeResult back = trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.5", 10, MarginMode.ISOLATED, null));

        assertThat(back.flipped()).isTrue();
        assertThat(back.position().number()).isEqualTo(1);
        assertThat(back.position().position().quantity()).isEqualByComparingTo("0.3");
        TradeResult eth = trading.open(TRADER, order("ETHUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, null));
        assertThat(eth.position().number()).isEqualTo(2);
        assertThat(trading.snapshot(TRADER).positions()).extracting(p -> p.number()).containsExactly(1, 2);
    }

    @Test
    void theFlipsPnl_staysWithTheClosedSide_andItsFeeWithTheNewOne() {
        desk.marks.set("BTCUSDT", "101000");

        TradeResult flipped = trading.open(TRADER, order("BTCUSDT", Side.SHORT, "0.3", 10, MarginMode.ISOLATED, null));

        assertThat(desk.store.ledger()).filteredOn(e -> e.kind() == LedgerKind.REALIZED_PNL)
                .singleElement().satisfies(e -> {
                    assertThat(e.amount()).isEqualByComparingTo("100"); // 0.1 × (101,000 − 100,000)
                    assertThat(e.positionId()).isEqualTo(flipped.previous().id());
                });
        assertThat(desk.store.ledger()).filteredOn(e -> e.kind() == LedgerKind.FEE).last()
                .satisfies(e -> assertThat(e.positionId()).isEqualTo(flipped.position().id()));
    }
}
