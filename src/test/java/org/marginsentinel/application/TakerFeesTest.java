package org.marginsentinel.application;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * Taker fees as Binance USDⓈ-M charges them: {@code fee = quantity × fill price × rate} (regular tier 0.05%) on
 * every fill, from the wallet balance (an isolated position's margin stays its initial margin), booked in the
 * ledger; realised PnL is shown before the fee and the wallet after it.
 */
class TakerFeesTest {

    private static final long TRADER = 7;

    private final PaperDesk desk = new PaperDesk(TradingFees.BINANCE_REGULAR);
    private final PaperTrading trading = desk.trading;

    @BeforeEach
    void openAccount() {
        desk.marks.set("BTCUSDT", "10000");
        trading.start(TRADER, "Trader");
    }

    @Test
    void feeIsNotionalTimesTheRate_theExchangesWorkedForm() {
        // Binance: Trading fee = notional value × fee rate; 1 BTC at 10,000 as taker at 0.05% pays 5 USDT
        assertThat(TradingFees.BINANCE_REGULAR.taker(d("1"), d("10000"))).isEqualByComparingTo("5");
        assertThat(TradingFees.BINANCE_REGULAR.taker(d("0.25"), d("81341.2"))).isEqualByComparingTo("10.16765");
        assertThat(new TradingFees(d("0.0004")).taker(d("1"), d("10000"))).isEqualByComparingTo("4");
    }

    @Test
    void isolatedOpen_paysTheFeeFromTheWallet_notFromThePositionMargin() {
        TradeResult opened = trading.open(TRADER, order("BTCUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, null));

        assertThat(opened.fee()).isEqualByComparingTo("5");
        assertThat(opened.position().position().isolatedMargin()).isEqualByComparingTo("1000");
        assertThat(opened.after().account().walletBalance()).isEqualByComparingTo("9995");
        assertThat(opened.after().risk().cross().availableBalance()).isEqualByComparingTo("8995");
        assertThat(desk.store.ledger()).filteredOn(e -> e.kind() == LedgerKind.FEE).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("-5"));
    }

    @Test
    void addReduceAndClose_eachPayTheirFill_andTheWalletIsNetOfFees() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "1", 10, MarginMode.CROSS, null));   // fee 5
        desk.marks.set("BTCUSDT", "12000");
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "1", 10, MarginMode.CROSS, null));   // add: fee 6, entry 11,000
        TradeResult reduced = trading.close(TRADER, "#1", Portion.percent(d("50")));           // 1 @ 12,000: fee 6
        TradeResult closed = trading.close(TRADER, "#1", Portion.ALL);                        // 1 @ 12,000: fee 6

        assertThat(reduced.realizedPnl()).isEqualByComparingTo("1000");
        assertThat(reduced.fee()).isEqualByComparingTo("6");
        assertThat(reduced.netPnl()).isEqualByComparingTo("994");
        assertThat(closed.fee()).isEqualByComparingTo("6");
        assertThat(desk.store.ledger()).filteredOn(e -> e.kind() == LedgerKind.FEE).extracting(e -> e.amount())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(d("-5"), d("-6"), d("-6"), d("-6"));
        // 10,000 + 2 × 1,000 realised − 23 of fees
        assertThat(desk.store.find(TRADER).orElseThrow().walletBalance()).isEqualByComparingTo("11977");
        assertThat(WalletTotals.of(desk.store.totals(TRADER)).feesPaid()).isEqualByComparingTo("23");
        assertThat(WalletTotals.of(desk.store.totals(TRADER)).wallet()).isEqualByComparingTo("11977");
    }

    @Test
    void anOpenThatLeavesNoRoomForItsFee_isRefused_andChangesNothing() {
        // margin 10,000 at 1x uses the whole wallet: the 5 USDT fee is missing
        String before = desk.store.dump();

        assertThatThrownBy(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "1", 1, MarginMode.ISOLATED, null)))
                .isInstanceOf(CommandRejected.class).satisfies(saying("5.00 USDT of fee"));
        assertThat(desk.store.dump()).isEqualTo(before);
    }

    @Test
    void theWhatIfPreview_countsTheFee() {
        OrderPreview preview = trading.preview(TRADER, order("BTCUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, null));

        assertThat(preview.fee()).isEqualByComparingTo("5");
        assertThat(preview.after().walletBalance()).isEqualByComparingTo("9995");
    }
}
