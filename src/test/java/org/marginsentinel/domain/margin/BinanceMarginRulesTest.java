package org.marginsentinel.domain.margin;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Margin moves by Binance's USDⓈ-M FAQs ("How to adjust margin", "Available and withdrawable balance"). */
class BinanceMarginRulesTest {

    private final MarginCalculator calculator = new MarginCalculator(TierTable.shippedDefaults());

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** ETH long 1 @ 3,000 at 10x (300 of initial margin) with 300 added. */
    private static Position ethLongWith300Added() {
        return new Position("p", "ETHUSDT", Side.LONG, d("1"), d("3000"), 10, MarginMode.ISOLATED, d("600"));
    }

    @Test
    void removable_losingPosition_isWhatRemainsAboveTheInitialMarginAtTheMarkAfterTheLoss() {
        // min(600 − MM 11.20, 600 − 200 − 2,800/10) = min(588.80, 120): Binance lets 120 go, not the 300 added
        MarginAllowance removable = calculator.removableMargin(ethLongWith300Added(), d("2800"));

        assertThat(removable.most()).isEqualByComparingTo("120");
        assertThat(removable.limitedBy()).contains("initial margin at the mark (280.00 USDT)").contains("-200.00 USDT");
    }

    @Test
    void removeMargin_beyondTheAllowance_isRefusedSayingTheMostAndWhy_andAtTheAllowanceAccepted() {
        MarginChange tooMuch = calculator.removeMargin(ethLongWith300Added(), d("2800"), d("300"));
        MarginChange allowed = calculator.removeMargin(ethLongWith300Added(), d("2800"), d("120"));

        assertThat(tooMuch.accepted()).isFalse();
        assertThat(tooMuch.refusal()).startsWith("At most 120.00 USDT can be removed now: the position must keep its "
                + "initial margin at the mark (280.00 USDT) after its unrealised PnL (-200.00 USDT).");
        assertThat(tooMuch.position().isolatedMargin()).isEqualByComparingTo("600");
        assertThat(allowed.accepted()).isTrue();
        assertThat(allowed.position().isolatedMargin()).isEqualByComparingTo("480");
    }

    @Test
    void removable_winningPosition_releasesPartOfItsProfitCushion_butNeverTheMaintenanceMargin() {
        Position position = ethLongWith300Added();

        // mark 3,600: min(600 − 14.40, 600 + 600 − 360) = 585.60, more than the 300 added
        MarginAllowance inProfit = calculator.removableMargin(position, d("3600"));

        assertThat(inProfit.most()).isEqualByComparingTo("585.6");
        assertThat(inProfit.limitedBy()).contains("maintenance margin (14.40 USDT)");
    }

    @Test
    void removable_shortPosition_usesItsOwnSideOfThePnl() {
        Position shortEth = new Position("s", "ETHUSDT", Side.SHORT, d("2"), d("3000"), 20, MarginMode.ISOLATED, d("500"));

        // mark 2,900: PnL +200, IM at mark 290: min(500 − 23.20, 500 + 200 − 290) = 410
        assertThat(calculator.removableMargin(shortEth, d("2900")).most()).isEqualByComparingTo("410");
        // mark 3,100: PnL −200, IM 310: 500 − 200 − 310 < 0, nothing
        assertThat(calculator.removableMargin(shortEth, d("3100")).most()).isEqualByComparingTo("0");
    }

    @Test
    void addable_comesFromTheCrossWallet_neverFromUnrealisedProfit() {
        // cross wallet 1,000 with a cross BTC long 0.1 @ 50,000 at 60,000: +1,000 unrealised, IM 600, MM 24
        CrossAccountRisk cross = calculator.cross(d("1000"), List.of(new PricedPosition(
                Position.cross("x", "BTCUSDT", Side.LONG, d("0.1"), d("50000"), 10), d("60000"))));

        MarginAllowance addable = calculator.addableMargin(cross);

        assertThat(cross.availableBalance()).isEqualByComparingTo("1400");
        assertThat(addable.most()).isEqualByComparingTo("976"); // 1,000 − 24, not the 1,400 available
        assertThat(addable.limitedBy()).contains("unrealised profit stays");
    }

    @Test
    void addable_withACrossLoss_isTheAvailableBalance() {
        // cross wallet 1,000, BTC long 0.1 @ 50,000 at 45,000: −500 unrealised, IM 450
        CrossAccountRisk cross = calculator.cross(d("1000"), List.of(new PricedPosition(
                Position.cross("x", "BTCUSDT", Side.LONG, d("0.1"), d("50000"), 10), d("45000"))));

        MarginAllowance addable = calculator.addableMargin(cross);

        assertThat(addable.most()).isEqualByComparingTo("50"); // 1,000 − 500 − 450
        assertThat(addable.limitedBy()).contains("available balance");
    }

    @Test
    void withdrawable_doesNotFallToZeroAsACrossPositionsProfitGrows() {
        Position btc = Position.cross("x", "BTCUSDT", Side.LONG, d("0.1"), d("50000"), 10);
        BigDecimal last = null;
        for (String mark : List.of("50000", "60000", "80000", "120000", "200000", "400000")) {
            CrossAccountRisk cross = calculator.cross(d("1000"), List.of(new PricedPosition(btc, d(mark))));
            last = cross.withdrawable();
            // at entry: 1,000 − 500 of initial margin; in profit never less, and never more than the wallet
            assertThat(last).as("at %s", mark).isGreaterThanOrEqualTo(d("500")).isLessThanOrEqualTo(d("1000"));
        }
        // at 400,000: notional 40,000, MM 160: 1,000 − 160 of the wallet can leave (the old rule, wallet − IM at
        // the mark, said 0); the profit itself stays until realised
        assertThat(last).isEqualByComparingTo("840");
    }

    @Test
    void withdrawable_noPositions_isTheWholeWallet() {
        assertThat(calculator.cross(d("1234.5"), List.of()).withdrawable()).isEqualByComparingTo("1234.5");
    }
}
