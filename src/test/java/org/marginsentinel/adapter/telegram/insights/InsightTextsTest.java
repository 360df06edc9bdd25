package org.marginsentinel.adapter.telegram.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.fakes.PaperDesk.d;
import static org.marginsentinel.testsupport.fakes.PaperDesk.order;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.views.InsightViews;
import org.marginsentinel.application.AccountSnapshot;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.insight.RiskInsights;
import org.marginsentinel.domain.insight.OddsEstimate;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.insight.StressTest;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.PricedPosition;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/** The /stress report and the odds words in English and in Russian: the same figures, each language's numbers. */
class InsightTextsTest {

    private static final long ALICE = 1;
    private final PaperDesk desk = new PaperDesk();

    @Test
    void stress_inRussian_wordsEveryLine_andWritesNumbersTheRussianWay() {
        String text = StressCommand.render(stressOfTwoPositions("-0.10"), TradingFees.BINANCE_REGULAR,
                Texts.of(Language.RU));

        assertThat(text).startsWith("<b>🧪 Стресс-тест: все цены −10,00%</b>")
                .contains("#1 <b>BTCUSDT ЛОНГ</b> изолир. 5x · 100\u00A0000,00 → 90\u00A0000,00 · PnL −1\u00A0000,00 USDT")
                .contains("  ✅ выживает\n")
                .contains("#2 <b>ETHUSDT ЛОНГ</b> изолир. 20x · 4\u00A0000,00 → 3\u00A0600,00")
                .contains("  ⛔ ликвидация: −200,00 USDT (вся маржа 200,00 USDT)")
                .contains("Комиссия тейкера за закрытие остального по этим ценам: 4,50 USDT")
                .contains("Ликвидаций: 1.")
                .endsWith("<i>Расчёт «что если» по текущим ценам: ничего не изменено.</i>")
                .doesNotContain("liquidat", "survives", "Total", "LONG");
    }

    @Test
    void whatIf_namesTheSideInTheReadersWords() {
        desk.marks.set("ETHUSDT", "4000");
        desk.trading.start(ALICE, "Alice");
        OpenOrder order = order("ETHUSDT", Side.SHORT, "1", 10, MarginMode.ISOLATED, null);
        RiskInsights.WhatIfOutcome outcome = new RiskInsights.WhatIfOutcome(desk.trading.preview(ALICE, order), null);

        String english = WhatIfCommand.render(order, "short ETH 1 10x", outcome, null, Texts.of(Language.EN));
        String russian = WhatIfCommand.render(order, "short ETH 1 10x", outcome, null, Texts.of(Language.RU));

        assertThat(english).startsWith("<b>🔮 What if: SHORT ETHUSDT</b> at ").contains("Position: SHORT 1 · ");
        assertThat(russian).startsWith("<b>🔮 Что если: ШОРТ ETHUSDT</b> по ").contains("Позиция: ШОРТ 1 · ")
                .doesNotContain("SHORT").endsWith("/short ETH 1 10x</code>");
    }

    @Test
    void stress_inEnglish_staysWordForWordAsBefore() {
        String text = StressCommand.render(stressOfTwoPositions("-0.10"), TradingFees.BINANCE_REGULAR,
                Texts.of(Language.EN));

        assertThat(text).startsWith("<b>🧪 Stress test: every mark −10.00%</b>\n\n"
                        + "#1 <b>BTCUSDT LONG</b> isolated 5x · 100,000.00 → 90,000.00 · PnL −1,000.00 USDT\n"
                        + "  ✅ survives\n")
                .contains("#2 <b>ETHUSDT LONG</b> isolated 20x · 4,000.00 → 3,600.00 · PnL −400.00 USDT\n"
                        + "  ⛔ liquidated: −200.00 USDT (its whole 200.00 USDT margin)\n")
                .contains("\n1 liquidation.\n")
                .endsWith("<i>A what-if at today's marks: nothing was changed.</i>");
    }

    @Test
    void odds_inBothLanguages() {
        OddsEstimate odds = new OddsEstimate(0.0351, 2.14, java.time.Duration.ofHours(24));
        Texts ru = Texts.of(Language.RU);
        Texts en = Texts.of(Language.EN);

        assertThat(InsightViews.probability(0.0351, en)).isEqualTo("3.51%");
        assertThat(InsightViews.probability(0.0351, ru)).isEqualTo("3,51%");
        assertThat(InsightViews.probability(0.00001, ru)).isEqualTo("меньше 0,01%");
        assertThat(InsightViews.volUnits(odds, en)).isEqualTo("2.1 daily σ away");
        assertThat(InsightViews.volUnits(odds, ru)).isEqualTo("в 2,1 дневных σ");
    }

    /** BTC 0.1 at 5x and ETH 1 at 20x, both isolated, stressed by {@code move}: ETH is liquidated at −10%. */
    private RiskInsights.StressOutcome stressOfTwoPositions(String move) {
        desk.marks.set("BTCUSDT", "100000");
        desk.marks.set("ETHUSDT", "4000");
        desk.trading.start(ALICE, "Alice");
        desk.practice.open(ALICE, order("BTCUSDT", Side.LONG, "0.1", 5, MarginMode.ISOLATED, null), null);
        desk.practice.open(ALICE, order("ETHUSDT", Side.LONG, "1", 20, MarginMode.ISOLATED, null), null);
        AccountSnapshot snapshot = desk.trading.snapshot(ALICE);
        List<PricedPosition> priced = snapshot.positions().stream()
                .map(p -> new PricedPosition(p.position(), snapshot.riskOf(p).markPrice())).toList();
        StressReport report = new StressTest(desk.calculator).run(snapshot.risk().walletBalance(), priced,
                new Shock(d(move), null));
        return new RiskInsights.StressOutcome(snapshot, report);
    }
}
