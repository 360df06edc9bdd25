package org.marginsentinel.adapter.telegram.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.insight.StressTest;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * Issue 11: /stress and /compare count the taker fee of the closes they imagine, as /whatif counts its fill's: /stress
 * at the shocked marks for what the shock leaves open, /compare at today's marks.
 */
class ImaginedCloseFeesTest {

    private static final long ALICE = 1;
    private final PaperDesk desk = new PaperDesk();

    @Test
    void survivorsPayTheTakerFeeAtTheShockedMark_liquidatedPositionsPayNone() {
        desk.marks.set("BTCUSDT", "100000");
        desk.marks.set("ETHUSDT", "4000");
        desk.trading.start(ALICE, "Alice");
        desk.practice.open(ALICE, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null), null);
        desk.practice.open(ALICE, order("ETHUSDT", Side.LONG, "1", 20, MarginMode.ISOLATED, null), null);
        AccountSnapshot snapshot = desk.trading.snapshot(ALICE);

        // −10%: BTC (5x) survives at 90,000, ETH (20x) is liquidated
        StressReport report = stress(snapshot, "-0.10");
        assertThat(StressCommand.closingFee(report, TradingFees.BINANCE_REGULAR))
                .isEqualByComparingTo("4.5");                                  // 0.1 × 90,000 × 0.05%
        assertThat(StressCommand.closingFee(report, TradingFees.NONE)).isZero();

        String text = StressCommand.render(new RiskInsights.StressOutcome(snapshot, report), TradingFees.BINANCE_REGULAR,
                Texts.of(Language.EN));
        assertThat(text).contains("Taker fee to close what is left at these marks: 4.50 USDT")
                .contains("equity then " + org.marginsentinel.adapter.telegram.format.Fmt.usdt(
                        report.equityAfter().subtract(d("4.5"))));
        assertThat(StressCommand.render(new RiskInsights.StressOutcome(snapshot, report), TradingFees.NONE,
                Texts.of(Language.EN)))
                .doesNotContain("Taker fee");
    }

    @Test
    void compare_saysTheFeeOfClosingEveryPositionAtItsMark() {
        desk.marks.set("BTCUSDT", "100000");
        desk.marks.set("ETHUSDT", "4000");
        desk.trading.start(ALICE, "Alice");
        desk.practice.open(ALICE, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null), null);
        desk.practice.open(ALICE, order("ETHUSDT", Side.SHORT, "2", 10, MarginMode.CROSS, null), null);
        AccountSnapshot snapshot = desk.trading.snapshot(ALICE);
        ModeComparison comparison = ModeComparison.of(desk.calculator, snapshot.risk().walletBalance(),
                snapshot.positions().stream()
                        .map(p -> new PricedPosition(p.position(), snapshot.riskOf(p).markPrice())).toList());

        assertThat(CompareCommand.closingFee(comparison, TradingFees.BINANCE_REGULAR))
                .isEqualByComparingTo("9");                                    // (10,000 + 8,000) × 0.05%
        assertThat(CompareCommand.closingFee(comparison, TradingFees.NONE)).isZero();
    }

    private StressReport stress(AccountSnapshot snapshot, String move) {
        List<PricedPosition> priced = snapshot.positions().stream()
                .map(p -> new PricedPosition(p.position(), snapshot.riskOf(p).markPrice())).toList();
        return new StressTest(desk.calculator).run(snapshot.risk().walletBalance(), priced, new Shock(d(move), null));
    }
}
