package org.marginsentinel.adapter.telegram.trading;

import static org.marginsentinel.testsupport.Refusals.saying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.CommandRejected;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * The cross wallet floor (#11), decided: a close is never refused (cutting a loss must always be possible) and is
 * booked as Binance books it, so the cross wallet may go below zero while other cross positions' profit covers it;
 * but it is never shown as if nothing happened: the close reply and /balance say so, with the pool that covers it.
 */
class NegativeCrossWalletTest {

    private static final long TRADER = 21;

    private static final Texts ENGLISH = Texts.of(Language.EN);

    private final PaperDesk desk = new PaperDesk(TradingFees.BINANCE_REGULAR);

    /** ETH long 30 and BTC short 1, both 50x cross; ETH −12,000 and BTC +20,000; fees 45 + 40 paid on opening. */
    private TradeResult closeTheLosingLeg() {
        desk.marks.set("ETHUSDT", "3000").set("BTCUSDT", "80000");
        desk.trading.start(TRADER, "Trader");
        desk.trading.open(TRADER, new OpenOrder("ETHUSDT", Side.LONG, new BigDecimal("30"), null, 50, MarginMode.CROSS,
                null));
        desk.trading.open(TRADER, new OpenOrder("BTCUSDT", Side.SHORT, BigDecimal.ONE, null, 50, MarginMode.CROSS,
                null));
        desk.marks.set("ETHUSDT", "2600").set("BTCUSDT", "60000");
        return desk.trading.close(TRADER, "ETH", Portion.ALL);
    }

    @Test
    void aCloseLosingMoreThanTheCrossWallet_isBookedWhole_withItsFee_andItsReplySaysTheWalletIsNegative() {
        TradeResult closed = closeTheLosingLeg();

        // 10,000 − 85 − 12,000 − 39 (30 × 2,600 × 0.05%) = −2,124; margin balance −2,124 + 20,000 = 17,876
        assertThat(closed.fee()).isEqualByComparingTo("39");
        assertThat(closed.after().risk().cross().walletBalance()).isEqualByComparingTo("-2124");
        String reply = CloseCommand.done(closed, null, TRADER, ENGLISH).html();
        assertThat(reply).contains("Wallet: −2,124.00 USDT")
                .contains("Cross wallet −2,124.00 USDT</b>: a close realised more loss than it held")
                .contains("your open cross profit (+20,000.00 USDT) covers it, margin balance 17,876.00 USDT")
                .contains("nothing can be withdrawn, moved to isolated margin or opened");
    }

    @Test
    void balanceShowsThePool_andWhatTheNegativeWalletBlocks_untilItIsBackAboveZero() {
        closeTheLosingLeg();

        String balance = TradingViews.balance(desk.trading.snapshot(TRADER), ENGLISH);
        assertThat(balance).contains("Withdrawable: 0.00 USDT").contains("Cross wallet −2,124.00 USDT")
                .contains("margin balance 17,876.00 USDT");
        assertThatThrownBy(() -> desk.trading.withdraw(TRADER, BigDecimal.ONE)).isInstanceOf(CommandRejected.class);
        desk.marks.set("SOLUSDT", "110");
        assertThatThrownBy(() -> desk.trading.open(TRADER, new OpenOrder("SOLUSDT", Side.LONG, BigDecimal.ONE, null,
                10, MarginMode.ISOLATED, null))).isInstanceOf(CommandRejected.class)
                .satisfies(saying("Not enough in the cross wallet"));

        desk.trading.close(TRADER, "BTC", Portion.ALL);   // the profit is realised: 20,000 − 30 of fee
        assertThat(TradingViews.balance(desk.trading.snapshot(TRADER), ENGLISH)).contains("Wallet: 17,846.00 USDT")
                .doesNotContain("Cross wallet");
    }
}
