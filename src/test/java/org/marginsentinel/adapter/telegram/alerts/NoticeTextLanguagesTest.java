package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.adapter.telegram.alerts.Notices.d;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.port.Notice;
import org.marginsentinel.domain.alert.RiskLevel;
import org.marginsentinel.domain.insight.SurvivalPlan;
import org.marginsentinel.domain.margin.BinanceMarginRules;
import org.marginsentinel.domain.margin.CrossPool;
import org.marginsentinel.domain.margin.MarginAllowance;
import org.marginsentinel.domain.margin.Side;

/**
 * Every kind of notice has its words in every language: a notice kind added to {@link Notice.Visitor} without a
 * sample here fails, and a Russian text that fell back to English (a missing key) fails.
 */
class NoticeTextLanguagesTest {

    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts RU = Texts.of(Language.RU);
    private static final char NBSP = '\u00A0';
    /** Two English words in a row, outside commands: what a Russian text shows when it fell back to English. */
    private static final Pattern ENGLISH_WORDS = Pattern.compile("\\b[a-z]{2,}\\s+[a-z]{2,}\\b");

    /** One or more samples of every notice kind, by the visitor method that words it. */
    private static Map<String, List<Notice>> samples() {
        Map<String, List<Notice>> samples = new LinkedHashMap<>();
        MarginAllowance addable = BinanceMarginRules.INSTANCE.addableIsolatedMargin(
                new CrossPool(d("900"), d("-250"), d("100"), d("600")));
        samples.put("positionWarning", List.of(Notices.positionWarning(Notices.sent(RiskLevel.DANGER)),
                new Notice.PositionWarning(Notices.USER, 1, Notices.btcLong(), Notices.sent(RiskLevel.WARNING),
                        d("353.70"), d("75000"), d("0.3443"), true,
                        SurvivalPlan.isolated(d("0.12"), d("4255.914"), d("69000"))),
                new Notice.PositionWarning(Notices.USER, 1, Notices.btcLong(), Notices.sent(RiskLevel.DANGER),
                        d("1000"), d("75000"), null, false, null, addable),
                new Notice.PositionWarning(Notices.USER, 3, Notices.btcLong(), Notices.reminder(), null, null)));
        samples.put("poolWarning", List.of(Notices.poolWarning(Notices.sent(RiskLevel.CRITICAL)),
                new Notice.PoolWarning(Notices.USER, Notices.pool(), Notices.reminder(), null, null, d("0.7"))));
        samples.put("drainWarning", List.of(Notices.drain()));
        samples.put("isolatedLiquidated", List.of(Notices.isolatedLiquidated(),
                new Notice.IsolatedLiquidated(Notices.USER, 2, "ETHUSDT", Side.SHORT, d("1"), d("3150"), d("3148.5"),
                        d("150"), null)));
        samples.put("crossLiquidated", List.of(Notices.crossLiquidated()));
        samples.put("feedPaused", List.of(new Notice.FeedPaused(Notices.USER, Duration.ofMinutes(75))));
        samples.put("feedResumed", List.of(new Notice.FeedResumed(Notices.USER)));
        samples.put("fundingPaid", List.of(new Notice.FundingPaid(Notices.USER, "9", 2, "BTCUSDT", d("5"), d("0.001"),
                d("47740.96"), d("0.0452")), new Notice.FundingPaid(Notices.USER, "9", 2, "BTCUSDT", d("5"),
                d("0.001"), null, null)));
        samples.put("priceAlertFired", List.of(new Notice.PriceAlertFired(Notices.USER, "BTCUSDT", "<", d("90000"),
                d("89990.5"))));
        samples.put("stopExecuted", List.of(new Notice.StopExecuted(Notices.USER, 1, "BTCUSDT", Side.LONG, "stop-loss",
                d("76000"), d("75990"), d("0.1"), d("-535.12"), d("3.04")), new Notice.StopExecuted(Notices.USER, 1,
                "BTCUSDT", Side.LONG, "take-profit", d("90000"), d("90010"), d("0.1"), d("866.88"), d("3.60")),
                new Notice.StopExecuted(Notices.USER, 2, "ETHUSDT", Side.SHORT, "stop-loss", d("3100"), d("3101"),
                        d("1"), d("-101"), d("1.55"))));
        return samples;
    }

    @Test
    void everyNoticeKind_hasASampleHere() {
        Notice.Visitor<String> methodName = visitorNamingTheMethod();
        Map<String, List<Notice>> samples = samples();
        samples.forEach((kind, notices) -> assertThat(notices).allMatch(n -> n.accept(methodName).equals(kind)));
        assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Notice.Visitor.class.getDeclaredMethods()).map(Method::getName).toList());
    }

    @Test
    void everyNoticeKind_isWrittenInRussian_withoutAnEnglishFallback() {
        samples().forEach((kind, notices) -> {
            for (Notice notice : notices) {
                String russian = NoticeText.of(notice, RU);
                assertThat(russian).as(kind).isNotEqualTo(NoticeText.of(notice, EN)).containsPattern("[а-яА-Я]{3,}");
                assertThat(ENGLISH_WORDS.matcher(withoutCommands(russian)).find())
                        .as("%s has English words: %s", kind, russian).isFalse();
            }
        });
    }

    @Test
    void everyNoticeKind_namesThePositionsSideInTheReadersWords() {
        samples().forEach((kind, notices) -> {
            for (Notice notice : notices) {
                String english = NoticeText.of(notice, EN);
                String russian = NoticeText.of(notice, RU);
                assertThat(russian).as(kind).doesNotContain("LONG").doesNotContain("SHORT");
                assertThat(count(russian, "ЛОНГ")).as("%s: %s", kind, russian).isEqualTo(count(english, "LONG"));
                assertThat(count(russian, "ШОРТ")).as("%s: %s", kind, russian).isEqualTo(count(english, "SHORT"));
            }
        });
        assertThat(NoticeText.of(samples().get("stopExecuted").get(2), EN)).contains("ETHUSDT SHORT");
        assertThat(NoticeText.of(samples().get("stopExecuted").get(2), RU)).contains("ETHUSDT ШОРТ");
        assertThat(NoticeText.of(samples().get("isolatedLiquidated").get(1), RU)).contains("ETHUSDT ШОРТ");
    }

    private static int count(String text, String word) {
        return text.split(word, -1).length - 1;
    }

    @Test
    void aRussianWarning_writesNumbersTheRussianWay_andKeepsTheCommandsTypable() {
        String text = NoticeText.of(Notices.positionWarning(Notices.sent(RiskLevel.DANGER)), RU);

        assertThat(text).isEqualTo("<b>🟠 ОПАСНОСТЬ</b> · #1 <b>BTCUSDT ЛОНГ</b> 0,1 (изолированная, 20x)\n"
                + "Марк 78" + NBSP + "500,00 · ликвидация 77" + NBSP + "584,48 · <b>до неё 1,17%</b>\n"
                + "👉 <b>Добавьте 250,40 USDT маржи</b> (ликвидация сдвинется к 75" + NBSP + "000,00): выводит из зоны "
                + "предупреждения. /margin 1 add 250.40\nДругие варианты: /risk");
    }

    @Test
    void aRussianCrossLiquidation_namesTheClosedPositionsWithRussianSidesAndNumbers() {
        assertThat(NoticeText.of(Notices.crossLiquidated(), RU)).startsWith("<b>⛔ КРОСС-ПУЛ ЛИКВИДИРОВАН</b>: "
                + "закрыты #2 ETHUSDT ЛОНГ 1,5, #3 SOL&lt;USDT&gt; ШОРТ 10.\n");
    }

    @Test
    void theLimitOnAddingMargin_isWordedFromItsFigures_andInEnglishReadsAsTheRulesOwnWords() {
        MarginAllowance addable = BinanceMarginRules.INSTANCE.addableIsolatedMargin(
                new CrossPool(d("900"), d("-250"), d("100"), d("600")));

        assertThat(LimitText.of(addable, EN)).isEqualTo(addable.limitedBy());
        assertThat(LimitText.of(addable, RU)).isEqualTo("это доступный баланс: кросс-кошелёк (900,00 USDT) с "
                + "нереализованным PnL (-250,00 USDT) за вычетом начальной маржи кросс-позиций (600,00 USDT)");
        MarginAllowance walletBound = BinanceMarginRules.INSTANCE.addableIsolatedMargin(
                new CrossPool(d("1234.567"), d("500"), d("100"), d("50")));
        assertThat(LimitText.of(walletBound, EN)).isEqualTo(walletBound.limitedBy());
    }

    @Test
    void aLongDuration_inBothLanguages() {
        assertThat(NoticeText.duration(Duration.ofMinutes(95), EN)).isEqualTo("1 h 35 min");
        assertThat(NoticeText.duration(Duration.ofMinutes(95), RU)).isEqualTo("1 ч 35 мин");
    }

    private static String withoutCommands(String text) {
        return text.replaceAll("<[^>]+>", "").replaceAll("/[a-z]+", "");
    }

    @SuppressWarnings("unchecked")
    private static Notice.Visitor<String> visitorNamingTheMethod() {
        return (Notice.Visitor<String>) Proxy.newProxyInstance(Notice.Visitor.class.getClassLoader(),
                new Class<?>[] {Notice.Visitor.class}, (proxy, method, args) -> method.getName());
    }
}
