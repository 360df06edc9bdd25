package org.marginsentinel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.marginsentinel.testsupport.Refusals.saying;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.LotSize;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * Paper sizes on the exchange's lot step: a USDT sum rounds down to it, a typed size off it is refused with the
 * nearest accepted sizes, a percentage close rounds down, 100% closes all; without a known step, sizes as given.
 * Every number worked out by hand (no fees: the desk's default).
 */
class OrderSizingTest {

    private static final long TRADER = 7;

    private final PaperDesk desk = new PaperDesk();
    private final PaperTrading trading = desk.trading;

    @BeforeEach
    void openAccount() {
        desk.marks.set("BTCUSDT", "97000").set("ETHUSDT", "3000").set("SOLUSDT", "100");
        desk.lotSizes.put("BTCUSDT", new LotSize(d("0.001"), d("0.001")));
        desk.lotSizes.put("SOLUSDT", new LotSize(d("0.1"), d("0.25")));
        trading.start(TRADER, "Trader");
    }

    private static OpenOrder usdt(String symbol, Side side, String sum, int leverage) {
        return new OpenOrder(symbol, side, null, d(sum), leverage, MarginMode.ISOLATED, null);
    }

    @Test
    void aUsdtSum_isRoundedDownToTheStep_neverUp() {
        // 100 / 97,000 = 0.00103092… BTC → 0.001 BTC, 97.00 USDT of notional, 4.85 USDT of margin at 20x
        TradeResult opened = trading.open(TRADER, usdt("BTCUSDT", Side.LONG, "100", 20));

        assertThat(opened.filledQuantity()).isEqualByComparingTo("0.001");
        assertThat(opened.position().position().quantity()).isEqualByComparingTo("0.001");
        assertThat(opened.position().position().isolatedMargin()).isEqualByComparingTo("4.85");
        // 199.99 / 97,000 = 0.0020617… → 0.002, not 0.003
        assertThat(trading.open(TRADER, usdt("BTCUSDT", Side.LONG, "199.99", 20)).filledQuantity())
                .isEqualByComparingTo("0.002");
    }

    @Test
    void aUsdtSumBelowTheSmallestOrder_isRefused_withWhatTheSmallestCosts() {
        // 90 / 97,000 = 0.000927… → 0 steps
        assertThatThrownBy(() -> trading.open(TRADER, usdt("BTCUSDT", Side.LONG, "90", 20)))
                .satisfies(saying("90.00 USDT buys less than the smallest BTCUSDT order: 0.001 BTC, about 97.00 USDT"));
        // SOL: 25 / 100 = 0.25 on 0.1 steps → 0.2, below the 0.25 minimum (whose smallest order on the step is 0.3)
        assertThatThrownBy(() -> trading.open(TRADER, usdt("SOLUSDT", Side.LONG, "25", 5)))
                .satisfies(saying("smallest SOLUSDT order: 0.3 SOL, about 30.00 USDT"));

        assertThat(trading.snapshot(TRADER).positions()).isEmpty();
        assertThat(trading.snapshot(TRADER).risk().walletBalance()).isEqualByComparingTo("10000");
    }

    @Test
    void aTypedSizeOffTheStep_isRefused_withTheNearestSizes_changingNothing() {
        assertThatThrownBy(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.0125", 10, MarginMode.ISOLATED, null)))
                .satisfies(saying("0.0125 BTC is not a size BTCUSDT trades in: the exchange takes steps of 0.001 BTC."
                        + " The nearest are 0.012 and 0.013 BTC."));
        assertThatThrownBy(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.0005", 10, MarginMode.ISOLATED, null)))
                .satisfies(saying("The nearest it takes is 0.001 BTC."));
        assertThatThrownBy(() -> trading.open(TRADER, order("SOLUSDT", Side.LONG, "0.2", 10, MarginMode.ISOLATED, null)))
                .as("on the step, below the minimum")
                .satisfies(saying("0.2 SOL is below the smallest SOLUSDT order: 0.3 SOL, about 30.00 USDT"));

        assertThat(trading.snapshot(TRADER).positions()).isEmpty();
        assertThat(trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.012", 10, MarginMode.ISOLATED, null))
                .filledQuantity()).as("on the step: taken as typed").isEqualByComparingTo("0.012");
    }

    @Test
    void whatIf_sizesTheSameWay() {
        OrderPreview preview = trading.preview(TRADER, usdt("BTCUSDT", Side.SHORT, "100", 20));

        assertThat(preview.resulting().quantity()).isEqualByComparingTo("0.001");
        assertThatThrownBy(() -> trading.preview(TRADER, order("BTCUSDT", Side.LONG, "0.0125", 10, MarginMode.ISOLATED, null)))
                .satisfies(saying("steps of 0.001 BTC"));
    }

    @Test
    void withoutAKnownStep_sizesAreAsGiven() {
        // ETHUSDT is in no list: 100 / 3,000 = 0.03333333 (8 decimals, down), as paper trading always did
        assertThat(trading.open(TRADER, usdt("ETHUSDT", Side.LONG, "100", 10)).filledQuantity())
                .isEqualByComparingTo("0.03333333");
        assertThat(trading.open(TRADER, order("ETHUSDT", Side.LONG, "0.0125", 10, MarginMode.ISOLATED, null))
                .filledQuantity()).isEqualByComparingTo("0.0125");
    }

    @Test
    void aPercentageClose_roundsDownToTheStep_andAllAlwaysClosesAll() {
        trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.003", 10, MarginMode.ISOLATED, null));

        // 50% of 0.003 = 0.0015 → 0.001
        TradeResult half = trading.close(TRADER, "1", Portion.percent(d("50")));
        assertThat(half.closedQuantity()).isEqualByComparingTo("0.001");
        assertThat(half.position().position().quantity()).isEqualByComparingTo("0.002");

        // 25% of 0.002 = 0.0005 → less than one step
        assertThatThrownBy(() -> trading.close(TRADER, "1", Portion.percent(d("25"))))
                .satisfies(saying("of #1 is 0.0005 BTC, less than the smallest size BTCUSDT trades in (0.001 BTC)."
                        + " Close a larger share, or all of it."));
        // a quantity off the step: the nearest below, and above (at most what is held)
        assertThatThrownBy(() -> trading.close(TRADER, "1", Portion.quantity(d("0.0015"))))
                .satisfies(saying("The nearest are 0.001 and 0.002 BTC."));
        assertThat(trading.snapshot(TRADER).positions().get(0).position().quantity()).isEqualByComparingTo("0.002");

        assertThat(trading.close(TRADER, "1", Portion.ALL).closedQuantity()).isEqualByComparingTo("0.002");
    }

    @Test
    void aPositionOffTheStep_fromBeforeTheListWasRead_stillClosesWhole() {
        desk.lotSizes.remove("BTCUSDT");
        trading.open(TRADER, usdt("BTCUSDT", Side.LONG, "100", 20)); // 0.00103092 BTC, as sized without a list
        desk.lotSizes.put("BTCUSDT", new LotSize(d("0.001"), d("0.001")));

        assertThatThrownBy(() -> trading.close(TRADER, "1", Portion.percent(d("50"))))
                .satisfies(saying("is 0.00051546 BTC, less than the smallest size"));
        assertThat(trading.close(TRADER, "1", Portion.quantity(d("0.00103092"))).closedQuantity())
                .as("all of it, typed as a quantity").isEqualByComparingTo("0.00103092");
        assertThat(trading.snapshot(TRADER).positions()).isEmpty();
    }

    @Test
    void anOpenOrAddWorthLessThanTheMinimumValue_isRefused_butAReduceIsNot() {
        desk.lotSizes.put("BTCUSDT", new LotSize(d("0.001"), d("0.001"), d("100")));
        // 0.001 × 97,000 = 97 USDT < 100; the smallest enough: 100 / 97,000 = 0.00103… → 0.002 BTC = 194 USDT
        assertThatThrownBy(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.001", 10, MarginMode.ISOLATED, null)))
                .satisfies(saying("The exchange's smallest BTCUSDT order is worth 100.00 USDT; 0.001 BTC at 97,000"))
                .satisfies(saying(" is 97.00 USDT. The smallest size that is enough: 0.002 BTC (about 194.00 USDT)."));
        assertThat(trading.snapshot(TRADER).positions()).isEmpty();

        assertThat(trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.002", 10, MarginMode.ISOLATED, null))
                .filledQuantity()).isEqualByComparingTo("0.002");
        assertThatThrownBy(() -> trading.open(TRADER, order("BTCUSDT", Side.LONG, "0.001", 10, MarginMode.ISOLATED, null)))
                .as("an add is an opening order too").satisfies(saying("smallest BTCUSDT order is worth 100.00 USDT"));
        assertThat(trading.snapshot(TRADER).positions().get(0).position().quantity()).isEqualByComparingTo("0.002");

        // an opposite order that only reduces (Binance: reduce-only) and a close are exempt: 97 USDT each
        assertThat(trading.open(TRADER, order("BTCUSDT", Side.SHORT, "0.001", 10, MarginMode.ISOLATED, null))
                .position().position().quantity()).isEqualByComparingTo("0.001");
        assertThat(trading.close(TRADER, "1", Portion.ALL).closedQuantity()).isEqualByComparingTo("0.001");
        assertThat(trading.snapshot(TRADER).positions()).isEmpty();
    }

    @Test
    void aUsdtSumWorthLessThanTheMinimumValueOnTheStep_isRefused_withTheSumThatIsEnough() {
        desk.lotSizes.put("BTCUSDT", new LotSize(d("0.001"), d("0.001"), d("100")));
        // 150 / 97,000 = 0.00154… → 0.001 BTC = 97 USDT < 100; 0.002 BTC = 194 USDT is enough
        assertThatThrownBy(() -> trading.open(TRADER, usdt("BTCUSDT", Side.LONG, "150", 20)))
                .satisfies(saying("150.00 USDT buys 0.001 BTC on the exchange's step, worth 97.00 USDT at 97,000"))
                .satisfies(saying("less than the exchange's smallest BTCUSDT order, 100.00 USDT."
                        + " Order at least 194.00 USDT (0.002 BTC)."));
        assertThat(trading.snapshot(TRADER).risk().walletBalance()).isEqualByComparingTo("10000");
        // 200 / 97,000 = 0.00206… → 0.002 BTC = 194 USDT
        assertThat(trading.open(TRADER, usdt("BTCUSDT", Side.LONG, "200", 20)).filledQuantity())
                .isEqualByComparingTo("0.002");
    }

    @Test
    void aFlip_isAnOpeningOrder_checkedOnItsWholeValue() {
        desk.lotSizes.put("SOLUSDT", new LotSize(d("0.1"), d("0.1"), d("50")));
        trading.open(TRADER, order("SOLUSDT", Side.LONG, "0.5", 5, MarginMode.ISOLATED, null)); // 50 USDT at 100
        // 0.4 × 100 = 40 USDT < 50, but it only reduces: LONG 0.1 left
        trading.open(TRADER, order("SOLUSDT", Side.SHORT, "0.4", 5, MarginMode.ISOLATED, null));
        assertThat(trading.snapshot(TRADER).positions().get(0).position().quantity()).isEqualByComparingTo("0.1");

        // 0.3 × 100 = 30 USDT < 50, and it would open a SHORT 0.2
        assertThatThrownBy(() -> trading.open(TRADER, order("SOLUSDT", Side.SHORT, "0.3", 5, MarginMode.ISOLATED, null)))
                .satisfies(saying("The exchange's smallest SOLUSDT order is worth 50.00 USDT; 0.3 SOL at 100"))
                .satisfies(saying("The smallest size that is enough: 0.5 SOL (about 50.00 USDT)."));
        assertThat(trading.snapshot(TRADER).positions().get(0).position().side()).isEqualTo(Side.LONG);
    }
}
