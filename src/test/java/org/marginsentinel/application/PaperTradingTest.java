package org.marginsentinel.application;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.math.RoundingMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.marginsentinel.application.port.LedgerKind;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** The paper-trading use cases on in-memory ports: what they book, and that every refusal changes nothing. */
class PaperTradingTest {

    private static final long TRADER = 42;

    private final PaperDesk desk = new PaperDesk();
    private final PaperTrading trading = desk.trading;

    @BeforeEach
    void openAccount() {
        desk.marks.set("BTCUSDT", "80000").set("ETHUSDT", "3000");
        trading.start(TRADER, "Trader");
    }

    @Test
    void isolatedLong_showsTheExchangesLiquidationPrice() {
        // 0.1 BTC at 80,000 with 5x: margin 1,600; liquidation (8,000 − 1,600) / (0.1 × 0.996) = 64,257.03
        TradeResult result = trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, "80000"));

        assertThat(result.position().number()).isEqualTo(1);
        assertThat(result.risk().liquidationPrice().setScale(2, RoundingMode.HALF_EVEN)).isEqualByComparingTo("64257.03");
        assertThat(result.after().account().walletBalance()).isEqualByComparingTo("10000");
        assertThat(result.after().risk().cross().availableBalance()).isEqualByComparingTo("8400");
    }

    @Test
    void closeHalfThenAll_booksThePnlIntoTheWalletAndLedger() {
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "2", 10, MarginMode.CROSS, null));
        desk.marks.set("ETHUSDT", "3100");

        TradeResult half = trading.close(TRADER, "ETH", Portion.percent(d("50")));
        TradeResult rest = trading.close(TRADER, "#1", Portion.ALL);

        assertThat(half.realizedPnl()).isEqualByComparingTo("100");
        assertThat(rest.realizedPnl()).isEqualByComparingTo("100");
        assertThat(rest.position()).isNull();
        assertThat(desk.store.find(TRADER).orElseThrow().walletBalance()).isEqualByComparingTo("10200");
        assertThat(desk.store.ledger()).filteredOn(e -> e.kind() == LedgerKind.REALIZED_PNL).hasSize(2);
    }

    @Test
    void withdraw_atFreshMarks_keepsUnrealisedLossesInTheAccount() {
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null));
        desk.marks.set("ETHUSDT", "2650");   // 3,500 under water; initial margin at the mark 2,650

        assertThat(trading.withdrawable(TRADER)).isEqualByComparingTo("3850");
        refusedWithoutChange(() -> trading.withdraw(TRADER, d("6999")), "at most 3,850.00 USDT");
    }

    @Test
    void withdraw_isRefused_whenACrossSymbolHasNoFreshMark_insteadOfValuingItAtEntry() {
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null));
        desk.marks.stale("ETHUSDT");   // at entry the pool would look 7,000 rich

        refusedWithoutChange(() -> trading.withdraw(TRADER, d("6999")), "No fresh mark price for ETHUSDT");
        refusedWithoutChange(() -> trading.withdrawable(TRADER), "No fresh mark price for ETHUSDT");
    }

    @Test
    void withdraw_goesAhead_whenOnlyAnIsolatedSymbolIsStale() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null));
        desk.marks.stale("BTCUSDT");   // an isolated position's value never leaves its own margin

        AccountSnapshot after = trading.withdraw(TRADER, d("8000"));

        assertThat(after.account().walletBalance()).isEqualByComparingTo("2000");
    }

    @Test
    void marginMoves_needFreshMarks() {
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null));
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null));
        desk.marks.stale("ETHUSDT");

        refusedWithoutChange(() -> trading.adjustMargin(TRADER, "BTC", true, d("100")), "No fresh mark price for ETHUSDT");

        desk.marks.set("ETHUSDT", "3000").stale("BTCUSDT");
        refusedWithoutChange(() -> trading.adjustMargin(TRADER, "BTC", false, d("100")), "No fresh mark price for BTCUSDT");
        refusedWithoutChange(() -> trading.close(TRADER, "BTC", Portion.ALL), "No fresh mark price for BTCUSDT");
    }

    @Test
    void newExposure_isRefused_whileACrossSymbolHasNoFreshMark_butReducingIsNot() {
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null));
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null));
        desk.marks.stale("ETHUSDT");

        refusedWithoutChange(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, null, null)),
                "No fresh mark price for ETHUSDT");
        refusedWithoutChange(() -> trading.preview(TRADER, order("SOLUSDT", Side.SHORT, "1", 5, null, "100")),
                "No fresh mark price for ETHUSDT");

        TradeResult reduced = trading.open(TRADER, order("BTCUSDT", Side.SHORT, "0.05", 5, null, null));
        assertThat(reduced.closedQuantity()).isEqualByComparingTo("0.05");
    }

    @Test
    void marginMoves_changeTheIsolatedMarginOnly() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null));

        TradeResult added = trading.adjustMargin(TRADER, "#1", true, d("400"));
        TradeResult removed = trading.adjustMargin(TRADER, "#1", false, d("150"));

        assertThat(added.position().position().isolatedMargin()).isEqualByComparingTo("2000");
        assertThat(removed.position().position().isolatedMargin()).isEqualByComparingTo("1850");
        assertThat(removed.after().account().walletBalance()).isEqualByComparingTo("10000");
    }

    @Test
    void refusals_explainAndChangeNothing() {
        trading.open(TRADER, order("ETHUSDT", Side.LONG, "10", 10, MarginMode.CROSS, null));

        refusedWithoutChange(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "2", 10, MarginMode.ISOLATED, null)),
                "Not enough available balance");
        refusedWithoutChange(() -> trading.open(TRADER, order("ETHUSDT", Side.LONG, "1", 10, MarginMode.ISOLATED, null)),
                "You already hold ETHUSDT in cross mode");
        refusedWithoutChange(() -> trading.adjustMargin(TRADER, "ETH", true, d("10")), "is cross");
        refusedWithoutChange(() -> trading.close(TRADER, "#9", Portion.ALL), "no open position #9");
        refusedWithoutChange(() -> trading.deposit(TRADER, d("100000000")), "holds at most");
        refusedWithoutChange(() -> trading.withdraw(TRADER, d("-1")), "greater than 0");
        refusedWithoutChange(() -> trading.deposit(99, d("1")), "/start");
    }

    private void refusedWithoutChange(Executable action, String reason) {
        String before = desk.store.dump();
        desk.changes.committed();
        assertThatThrownBy(action::execute).isInstanceOf(CommandRejected.class).satisfies(saying(reason));
        assertThat(desk.store.dump()).isEqualTo(before);
        assertThat(desk.changes.committed()).as("no account written").isEmpty();
    }
}
