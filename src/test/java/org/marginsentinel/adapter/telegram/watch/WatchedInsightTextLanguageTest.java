package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.KeyedAccount;
import org.marginsentinel.application.watch.KeyedInsights;
import org.marginsentinel.application.watch.KeyedNotice;
import org.marginsentinel.application.watch.WatchedAccount;
import org.marginsentinel.application.watch.WatchedInsights;
import org.marginsentinel.domain.insight.ModeComparison;
import org.marginsentinel.domain.insight.PoolStress;
import org.marginsentinel.domain.insight.PositionStress;
import org.marginsentinel.domain.insight.Shock;
import org.marginsentinel.domain.insight.StressReport;
import org.marginsentinel.domain.margin.AccountRisk;
import org.marginsentinel.domain.margin.CrossAccountRisk;
import org.marginsentinel.domain.margin.Position;
import org.marginsentinel.domain.margin.PositionRisk;
import org.marginsentinel.domain.margin.Side;
import org.marginsentinel.domain.watch.Availability;
import org.marginsentinel.domain.watch.HyperliquidAddress;
import org.marginsentinel.domain.watch.WatchedAccountState;
import org.marginsentinel.domain.watch.keyed.KeyedExchange;

/**
 * The watched accounts' sections of /stress, /compare and /whatif read in the reader's language: English exactly as
 * before the bundles, Russian with its own words, sides and number style (no-break space groups, decimal comma).
 */
class WatchedInsightTextLanguageTest {

    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts RU = Texts.of(Language.RU);
    private static final Instant NOW = Instant.parse("2025-12-05T03:00:00Z");
    private static final HyperliquidAddress ADDRESS =
            HyperliquidAddress.parse("0x1234567890abcdef1234567890abcdef12345678").orElseThrow();
    private static final String SHORT = ADDRESS.shortForm();
    private static final String NBSP = "\u00a0";

    private static final WatchedAccount ACCOUNT = new WatchedAccount(1, 7, ADDRESS, NOW, NOW,
            new WatchedAccountState(NOW, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, List.of()),
            Availability.OK);
    private static final KeyedAccount BYBIT = new KeyedAccount(2, 7, KeyedExchange.BYBIT, "AbCd…0001", NOW, NOW, null,
            Availability.OK, null, null, null);

    /**
     * A 20% fall on every mark: the isolated ETH long 1 at 3,000 (5x, 600 margin, liquidation 2,448.98, so it
     * survives 551.02 / 3,000 = 18.37%) is liquidated at 2,400 and loses its 600; the cross BTC short 0.1 gains
     * 0.1 × 18,000 = 1,800, so the 10,000 pool grows to 11,800. Equity 10,600 → 11,800: a gain of 1,200.
     */
    private static StressReport stress() {
        Position eth = Position.isolated("1", "ETH", Side.LONG, BigDecimal.ONE, new BigDecimal("3000"), 5);
        Position btc = Position.cross("2", "BTC", Side.SHORT, new BigDecimal("0.1"), new BigDecimal("90000"), 10);
        return new StressReport(new Shock(new BigDecimal("-0.20"), null), List.of(
                new PositionStress(eth, new BigDecimal("3000"), new BigDecimal("2400"), true, new BigDecimal("-600"),
                        new BigDecimal("600"), new BigDecimal("0.18367")),
                new PositionStress(btc, new BigDecimal("90000"), new BigDecimal("72000"), false,
                        new BigDecimal("1800"), BigDecimal.ZERO, null)),
                new PoolStress(true, new BigDecimal("10000"), new BigDecimal("11800"), new BigDecimal("0.0061"), false,
                        BigDecimal.ZERO, new BigDecimal("-1800"), null),
                new BigDecimal("10600"), new BigDecimal("11800"), new BigDecimal("-1200"));
    }

    @Test
    void stress_inEnglishAsBefore_inRussianWithRussianWordsAndNumbers() {
        List<WatchedInsights.ForAccount<StressReport>> reports = List.of(new WatchedInsights.ForAccount<>(ACCOUNT, 1,
                stress()));

        assertThat(WatchedInsightText.stress(reports, EN)).isEqualTo("\n\n<b>👁 Hyperliquid #1 " + SHORT
                + " (real)</b> · watched read-only, by Hyperliquid's rules"
                + "\n• <b>ETH LONG</b> isolated 5x · 3,000.00 → 2,400.00 · PnL −600.00 USDC · ⛔ liquidated, its "
                + "600.00 USDC margin lost (up to 18.37% against it)"
                + "\n• <b>BTC SHORT</b> cross 10x · 90,000.00 → 72,000.00 · PnL +1,800.00 USDC"
                + "\nCross: margin balance 10,000.00 USDC → 11,800.00 USDC · ✅ survives (margin ratio 0.61%)"
                + "\n<b>Total +1,200.00 USDC</b> · equity 10,600.00 USDC → 11,800.00 USDC · 1 liquidation"
                + "\n<i>Real accounts at Hyperliquid's marks, kept apart from the paper ledger; fees not counted.</i>");
        assertThat(WatchedInsightText.stress(reports, RU)).isEqualTo("\n\n<b>👁 Hyperliquid #1 " + SHORT
                + " (реальный)</b> · только наблюдение, по правилам Hyperliquid"
                + "\n• <b>ETH ЛОНГ</b> изолированная 5x · 3" + NBSP + "000,00 → 2" + NBSP + "400,00 · PnL −600,00 USDC"
                + " · ⛔ ликвидирована, потеряна её маржа 600,00 USDC (выдержит до 18,37% против неё)"
                + "\n• <b>BTC ШОРТ</b> кросс 10x · 90" + NBSP + "000,00 → 72" + NBSP + "000,00 · PnL +1" + NBSP
                + "800,00 USDC"
                + "\nКросс: баланс маржи 10" + NBSP + "000,00 USDC → 11" + NBSP + "800,00 USDC · ✅ выживает "
                + "(коэффициент маржи 0,61%)"
                + "\n<b>Итого +1" + NBSP + "200,00 USDC</b> · капитал 10" + NBSP + "600,00 USDC → 11" + NBSP
                + "800,00 USDC · 1 ликвидация"
                + "\n<i>Реальные счета по маркам Hyperliquid, отдельно от бумажного счёта; комиссии не учтены.</i>");
        assertThat(WatchedInsightText.stress(List.of(), RU)).isEmpty();
    }

    /**
     * ETH long 2 at 3,000, cross 10x on a 1,000 wallet: isolated it would hold 600 margin and be liquidated at
     * 2,755.10 (244.90 / 3,000 = 8.16% away); cross the wallet backs it down to 2,551.02 (448.98 / 3,000 = 14.97%).
     */
    @Test
    void compare_inEnglishAsBefore_inRussianWithRussianWordsAndNumbers() {
        Position eth = Position.cross("1", "ETH", Side.LONG, new BigDecimal("2"), new BigDecimal("3000"), 10);
        ModeComparison comparison = new ModeComparison(List.of(new ModeComparison.Row(eth, new BigDecimal("3000"),
                new BigDecimal("600"), new BigDecimal("2755.10"), new BigDecimal("2551.02"))), new BigDecimal("1000"),
                new BigDecimal("600"), new BigDecimal("1000"));
        List<WatchedInsights.ForAccount<ModeComparison>> comparisons =
                List.of(new WatchedInsights.ForAccount<>(ACCOUNT, 1, comparison));

        assertThat(WatchedInsightText.compare(comparisons, EN)).contains("\n• <b>ETH LONG</b> 2 10x · now cross · "
                + "mark 3,000.00\n  🔒 isolated (600.00 USDC margin): liq. 2,755.10 · 8.16% away\n  🌊 cross (whole "
                + "cross account): liq. 2,551.02 · 14.97% away (if other marks stay)\nWorst case: isolated −600.00 USDC"
                + " · cross −1,000.00 USDC\n<i>Real accounts at Hyperliquid's marks");
        assertThat(WatchedInsightText.compare(comparisons, RU)).contains("\n• <b>ETH ЛОНГ</b> 2 10x · сейчас кросс · "
                + "марк 3" + NBSP + "000,00\n  🔒 изолированная (маржа 600,00 USDC): ликв. 2" + NBSP + "755,10 · ещё "
                + "8,16%\n  🌊 кросс (весь кросс-счёт): ликв. 2" + NBSP + "551,02 · ещё 14,97% (если другие марки не "
                + "сдвинутся)\nХудший случай: изолированная −600,00 USDC · кросс −1" + NBSP + "000,00 USDC\n<i>Реальные");
        assertNoEnglish(WatchedInsightText.compare(comparisons, RU));
    }

    /**
     * Account 1 imagines long 1 ETH at the 2,800 mark on its long 1 at 3,000 (isolated 5x): long 2 at 2,900,
     * liquidated at 2,367.35, (2,800 − 2,367.35) / 2,800 = 15.45% away. Account 2 refuses 40x (at most 25x).
     */
    @Test
    void whatIf_imaginedAndRefused_inEnglishAsBefore_inRussianWithItsOwnReasons() {
        Position resulting = Position.isolated("1", "ETH", Side.LONG, new BigDecimal("2"), new BigDecimal("2900"), 5);
        PositionRisk risk = new PositionRisk(resulting, new BigDecimal("2800"), new BigDecimal("5600"),
                new BigDecimal("-200"), new BigDecimal("1160"), new BigDecimal("112"), null, new BigDecimal("2367.35"),
                new BigDecimal("0.15452"), null);
        WatchedInsights.WhatIf imagined = new WatchedInsights.WhatIf("ETH", null, new BigDecimal("2800"), resulting,
                risk, account(new BigDecimal("0.10"), new BigDecimal("1000")),
                account(new BigDecimal("0.125"), new BigDecimal("440")));
        WatchedInsights.WhatIf refused = new WatchedInsights.WhatIf("ETH", new WatchedInsights.Refused(
                WatchedInsights.Refusal.LEVERAGE_ABOVE_MAX, "ETH", null, 25), null, null, null, null, null);
        List<WatchedInsights.ForAccount<WatchedInsights.WhatIf>> answers = List.of(
                new WatchedInsights.ForAccount<>(ACCOUNT, 1, imagined), new WatchedInsights.ForAccount<>(ACCOUNT, 2,
                        refused));

        assertThat(WatchedInsightText.whatIf(answers, EN)).isEqualTo("\n\n<b>👁 Hyperliquid #1 " + SHORT + " (real)</b>"
                + " · watched read-only, by Hyperliquid's rules\nThe same order there at Hyperliquid's 2,800.00: LONG 2 "
                + "ETH · isolated 5x · entry 2,900.00\nLiquidation price: <b>2,367.35</b> (15.45% away)\nCross margin "
                + "ratio: 10.00% → <b>12.50%</b> · available 1,000.00 USDC → 440.00 USDC"
                + "\n\n<b>👁 Hyperliquid #2 " + SHORT + " (real)</b> · watched read-only, by Hyperliquid's rules"
                + "\nThe same order there: not imagined, Hyperliquid allows at most 25x on ETH."
                + "\n<i>By Hyperliquid's rules, fees not counted; nothing was placed: the bot only watches.</i>");
        String russian = WatchedInsightText.whatIf(answers, RU);
        assertThat(russian).isEqualTo("\n\n<b>👁 Hyperliquid #1 " + SHORT + " (реальный)</b> · только наблюдение, по "
                + "правилам Hyperliquid\nТа же заявка там по марке Hyperliquid 2" + NBSP + "800,00: ЛОНГ 2 ETH · "
                + "изолированная 5x · вход 2" + NBSP + "900,00\nЦена ликвидации: <b>2" + NBSP + "367,35</b> (ещё 15,45%)"
                + "\nКоэффициент кросс-маржи: 10,00% → <b>12,50%</b> · доступно 1" + NBSP + "000,00 USDC → 440,00 USDC"
                + "\n\n<b>👁 Hyperliquid #2 " + SHORT + " (реальный)</b> · только наблюдение, по правилам Hyperliquid"
                + "\nТа же заявка там: не посчитана, Hyperliquid позволяет не больше 25x на ETH."
                + "\n<i>По правилам Hyperliquid, без комиссий; ничего не выставлено: бот только наблюдает.</i>");
        assertNoEnglish(russian);
    }

    @Test
    void aKeyedAccountsSectionsAreInUsdt_andInTheReadersLanguage() {
        List<KeyedInsights.ForAccount<StressReport>> reports = List.of(new KeyedInsights.ForAccount<>(BYBIT, 1,
                stress()));

        String russian = KeyedInsightText.stress(reports, RU);

        assertThat(russian).contains("<b>👁 Bybit #1 AbCd…0001 (реальный)</b>")
                .contains("\n• <b>ETH ЛОНГ</b> изолированная 5x · 3" + NBSP + "000,00 → 2" + NBSP + "400,00 · PnL "
                        + "−600,00 USDT")
                .contains("<b>Итого +1" + NBSP + "200,00 USDT</b>").doesNotContain("USDC");
        assertNoEnglish(russian);
        assertThat(KeyedInsightText.stress(reports, EN)).contains("\n• <b>BTC SHORT</b> cross 10x · 90,000.00 → "
                + "72,000.00 · PnL +1,800.00 USDT").contains("<b>Total +1,200.00 USDT</b>");
    }

    @Test
    void aKeysExpiryDateIsWrittenTheReadersWay() {
        KeyedNotice.ExpiresSoon expiry = new KeyedNotice.ExpiresSoon(BYBIT, 1, Instant.parse("2025-12-08T14:05:00Z"));

        assertThat(TelegramKeyedNotifier.text(expiry, EN)).contains("expires on 8 Dec 14:05 UTC (Bybit says)");
        assertThat(TelegramKeyedNotifier.text(expiry, RU)).contains("истекает 8 дек. 14:05 UTC (по данным Bybit)");
    }

    @Test
    void theExchangeButtonsOfAKeyedWarningSpeakTheReadersLanguage() {
        assertThat(TelegramKeyedNotifier.link(KeyedExchange.BINANCE, "BTCUSDT", EN).label())
                .isEqualTo("Open BTCUSDT on Binance");
        assertThat(TelegramKeyedNotifier.link(KeyedExchange.BINANCE, null, EN).label()).isEqualTo("Open Binance Futures");
        assertThat(TelegramKeyedNotifier.link(KeyedExchange.BINANCE, "BTCUSDT", RU).label())
                .isEqualTo("Открыть BTCUSDT на Binance");
        assertThat(TelegramKeyedNotifier.link(KeyedExchange.OKX, null, RU).label()).isEqualTo("Открыть OKX");
    }

    private static AccountRisk account(BigDecimal crossRatio, BigDecimal available) {
        CrossAccountRisk cross = new CrossAccountRisk(new BigDecimal("1000"), BigDecimal.ZERO, new BigDecimal("1000"),
                new BigDecimal("1000").multiply(crossRatio), crossRatio, BigDecimal.ZERO, available, available, Map.of());
        return new AccountRisk(new BigDecimal("1600"), new BigDecimal("600"), new BigDecimal("1600"), cross, List.of());
    }

    /** No English word of these sections is left in a Russian text (names, units and "PnL" aside). */
    private static void assertNoEnglish(String russian) {
        assertThat(russian).doesNotContain("LONG", "SHORT", "isolated", "cross ", "liquidat", "margin", "mark ",
                "survives", "Total", "equity", "Worst", "away", "order", "real)", "watched", "rules", "fees", "entry",
                "available", "now ");
    }
}
