package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.adapter.telegram.i18n.TierSourceText;
import org.marginsentinel.adapter.telegram.views.InsightViews;
import org.marginsentinel.adapter.telegram.views.PoolDistanceText;
import org.marginsentinel.application.OpenOrder;
import org.marginsentinel.application.Portion;
import org.marginsentinel.application.PracticeTrading;
import org.marginsentinel.application.TradeResult;
import org.marginsentinel.application.alert.Standing;
import org.marginsentinel.application.insight.PositionInsight;
import org.marginsentinel.application.port.PriceRange;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.insight.DailyVolatility;
import org.marginsentinel.domain.insight.JointMove;
import org.marginsentinel.domain.insight.OddsEstimate;
import org.marginsentinel.domain.insight.PoolDistance;
import org.marginsentinel.domain.margin.MarginMode;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.margin.TierSource;
import org.marginsentinel.domain.margin.TierTable;
import org.marginsentinel.domain.paper.TradingFees;
import org.marginsentinel.testsupport.fakes.PaperDesk;

/**
 * The paper trading views in both languages from the same account: English word for word as before the bundles,
 * Russian in its own words with its own number style (no-break space groups, decimal comma).
 */
class TradingViewsLanguageTest {

    private static final long TRADER = 31;
    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts RU = Texts.of(Language.RU);
    private static final String NBSP = "\u00A0";

    private final PaperDesk desk = new PaperDesk(TradingFees.BINANCE_REGULAR);

    /** BTC long 0.1 at 80,000, 10x isolated: notional 8,000, margin 800, fee 4.00 (0.05%). */
    private TradeResult openBtc() {
        desk.marks.set("BTCUSDT", "80000");
        desk.trading.start(TRADER, "Trader");
        return desk.trading.open(TRADER, new OpenOrder("BTCUSDT", Side.LONG, new BigDecimal("0.1"), null, 10,
                MarginMode.ISOLATED, null));
    }

    @Test
    void thePracticeReasonAndTheTierSource_readTheSameInEnglish_andInRussian() {
        PracticeTrading.PracticeReason outside = new PracticeTrading.PracticeReason("BTCUSDT", new BigDecimal("10000"),
                new PriceRange(new BigDecimal("93000"), new BigDecimal("96500")));
        PracticeTrading.PracticeReason noRange = new PracticeTrading.PracticeReason("ETHUSDT", new BigDecimal("3000"),
                null);
        assertThat(TradingViews.practiceReason(outside, EN))
                .isEqualTo("the entry 10,000.00 is outside the last 24 hours' range (93,000.00 to 96,500.00)");
        assertThat(TradingViews.practiceReason(noRange, EN))
                .isEqualTo("no 24-hour price range of ETHUSDT is available to check the entry");
        assertThat(TradingViews.practiceReason(outside, RU))
                .isEqualTo("вход 10" + NBSP + "000,00 вне диапазона последних 24 часов (93" + NBSP + "000,00 — 96"
                        + NBSP + "500,00)");
        assertThat(TradingViews.practiceNote(noRange, RU)).contains("Учебная позиция").contains("ETHUSDT")
                .doesNotContain("range");

        TierTable shipped = TierTable.shippedDefaults();
        assertThat(TierSourceText.of(shipped, "BTCUSDT", EN)).isEqualTo(shipped.describeSource("BTCUSDT"))
                .isEqualTo("Binance brackets of 2024-10-24");
        assertThat(TierSourceText.of(shipped, "BTCUSDT", RU)).isEqualTo("брекеты Binance на 2024-10-24");
        assertThat(TierSourceText.of(shipped, "NOPEUSDT", EN)).isEqualTo(shipped.describeSource("NOPEUSDT"));
        assertThat(TierSourceText.of(shipped, "NOPEUSDT", RU)).startsWith("оценка: у биржи нет уровней для NOPEUSDT");
        assertThat(TierSourceText.of(new TierSource(TierSource.BYBIT, LocalDate.of(2025, 1, 2)), EN))
                .isEqualTo(new TierSource(TierSource.BYBIT, LocalDate.of(2025, 1, 2)).describe());
    }

    @Test
    void aPositionAndTheBalance_readTheSameInEnglish_andInRussianWithRussianNumbers() {
        TradeResult opened = openBtc();

        // liquidation (8,000 − 800) / (0.1 × (1 − 0.4%)) = 72,289.16, 9.64% under the mark of 80,000
        String english = TradingViews.position(opened.position(), opened.risk(), EN);
        assertThat(english).startsWith("🟩 <b>#1 BTCUSDT</b> LONG 0.1 · isolated 10x\n")
                .contains("Entry 80,000.00 · Mark 80,000.00\n").contains("PnL 0.00 USDT (ROE 0.00%)\n")
                .contains("Margin 800.00 USDT\n").endsWith("Liq. 72,289.16 · 9.64% away");
        String russian = TradingViews.position(opened.position(), opened.risk(), RU);
        assertThat(russian).startsWith("🟩 <b>#1 BTCUSDT</b> ЛОНГ 0,1 · изолированная 10x\n")
                .contains("Вход 80" + NBSP + "000,00 · Марк 80" + NBSP + "000,00\n")
                .contains("Маржа 800,00 USDT\n").endsWith("Ликв. 72" + NBSP + "289,16 · до неё 9,64%");

        assertThat(TradingViews.orderLine(opened, EN))
                .isEqualTo("\nNotional 8,000.00 USDT · margin 800.00 USDT at 10x · fee 4.00 USDT (taker, from the wallet)");
        assertThat(TradingViews.orderLine(opened, RU)).isEqualTo("\nНоминал 8" + NBSP + "000,00 USDT · маржа 800,00 USDT "
                + "при 10x · комиссия 4,00 USDT (тейкер, из кошелька)");

        String balance = TradingViews.balance(desk.trading.snapshot(TRADER), RU);
        assertThat(balance).startsWith("<b>💼 Бумажный счёт</b>\nКошелёк: 9" + NBSP + "996,00 USDT\n")
                .contains("Маржа в позициях: 800,00 USDT").contains("Доступно: 9" + NBSP + "196,00 USDT");
        assertThat(TradingViews.balance(desk.trading.snapshot(TRADER), EN)).startsWith("<b>💼 Paper account</b>\n"
                + "Wallet: 9,996.00 USDT\nUnrealised PnL: 0.00 USDT\nEquity: 9,996.00 USDT\nMargin in use: 800.00 USDT\n");
    }

    @Test
    void aCloseReply_namesTheFillNotionalFeeAndWallet_inEachLanguage() {
        openBtc();
        desk.marks.set("BTCUSDT", "82000");
        TradeResult closed = desk.trading.close(TRADER, "1", Portion.ALL);

        // PnL 0.1 × 2,000 = +200; fee 0.1 × 82,000 × 0.05% = 4.10; wallet 9,996 + 200 − 4.10 = 10,191.90
        assertThat(CloseCommand.done(closed, null, TRADER, EN).html()).isEqualTo("""
                ✅ Closed 0.1 at 82,000.00, PnL +200.00 USDT.
                Wallet: 10,191.90 USDT
                Closed notional 8,200.00 USDT · margin freed 800.00 USDT
                Fee: 4.10 USDT (taker, from the wallet) · net PnL +195.90 USDT""");
        assertThat(CloseCommand.done(closed, null, TRADER, RU).html()).isEqualTo(("""
                ✅ Закрыто 0,1 по 82_000,00, PnL +200,00 USDT.
                Кошелёк: 10_191,90 USDT
                Закрыто номинала 8_200,00 USDT · освобождено маржи 800,00 USDT
                Комиссия: 4,10 USDT (тейкер, из кошелька) · чистый PnL +195,90 USDT""").replace("_", NBSP));
        assertThat(CloseAllViews.done(List.of(closed), RU)).startsWith("✅ <b>Закрыты все позиции (1)</b>\n"
                + "• #1 BTCUSDT 0,1 по 82" + NBSP + "000,00: PnL +200,00 USDT · номинал 8" + NBSP + "200,00 USDT,"
                + " освобождено маржи 800,00 USDT, комиссия 4,10 USDT\n");
        assertThat(CloseAllViews.done(List.of(closed), EN)).startsWith("✅ <b>Closed all 1 position</b>\n"
                + "• #1 BTCUSDT 0.1 at 82,000.00: PnL +200.00 USDT · notional 8,200.00 USDT, margin freed 800.00 USDT,"
                + " fee 4.10 USDT\n");
    }

    @Test
    void standingsOddsAndThePoolsMove_inEachLanguage() {
        Standing inside = new Standing(true, RiskLevel.WARNING, new BigDecimal("0.0964"), new BigDecimal("0.10"));
        assertThat(StandingText.of(inside, EN)).isEqualTo(
                "🟡 liquidation 9.64% away: inside your WARNING distance (10.00%). I'll warn you if it gets worse.");
        assertThat(StandingText.of(inside, RU)).isEqualTo(
                "🟡 до ликвидации 9,64%: внутри вашего порога «ВНИМАНИЕ» (10,00%). Предупрежу, если станет хуже.");

        PositionInsight insight = new PositionInsight(new DailyVolatility(0.05, 100, Duration.ofMinutes(5)),
                new OddsEstimate(0.0351, 2.14, Duration.ofHours(24)), null);
        assertThat(InsightViews.oddsLine(insight, EN))
                .isEqualTo("🎲 24 h odds of liquidation <b>3.51%</b> · 2.1 daily σ away (σ 5.00%/day)");
        assertThat(InsightViews.oddsLine(insight, RU))
                .isEqualTo("🎲 Шансы ликвидации за 24 ч <b>3,51%</b> · в 2,1 дневных σ (σ 5,00%/день)");

        PoolDistance distance = new PoolDistance(new BigDecimal("0.0064"), new JointMove(Map.of(), 0.05, true),
                new OddsEstimate(0.00001, 4.5, Duration.ofHours(24)));
        assertThat(PoolDistanceText.line(distance, EN)).isEqualTo("📏 Survivable move <b>0.64%</b> (every cross mark "
                + "against you at once, each by its volatility) · 24 h odds <b>under 0.01%</b>");
        assertThat(PoolDistanceText.line(distance, RU)).isEqualTo("📏 Выдерживает движение <b>0,64%</b> (все "
                + "кросс-марки против вас разом, каждая по своей волатильности) · шансы за 24 ч <b>меньше 0,01%</b>");
    }

    @Test
    void theRiskVerdicts_existInEveryLanguage() {
        for (RiskLevel level : RiskLevel.values()) {
            assertThat(TradingViews.verdict(level, RU)).isNotEqualTo(TradingViews.verdict(level, EN));
        }
        assertThat(TradingViews.verdict(RiskLevel.DANGER, EN)).isEqualTo("🟠 danger: add margin or reduce");
    }
}
