package org.marginsentinel.adapter.telegram.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.i18n.Language;
import org.marginsentinel.adapter.telegram.i18n.Texts;
import org.marginsentinel.application.watch.WatchedInsights.Refusal;
import org.marginsentinel.application.watch.WatchedInsights.Refused;
import org.marginsentinel.domain.margin.MarginMode;

/** A refused what-if on a watched account: English exactly as before the bundles, Russian in its own words. */
class WatchedWhatIfRefusalTextTest {

    private static final Texts EN = Texts.of(Language.EN);
    private static final Texts RU = Texts.of(Language.RU);

    private final List<Refused> every = List.of(new Refused(Refusal.NO_MARKET, "BTC<USDT>", null, null),
            new Refused(Refusal.NO_MARK, "ETH", null, null), new Refused(Refusal.OTHER_MODE, "ETH", MarginMode.CROSS, null),
            new Refused(Refusal.OTHER_MODE, "ETH", MarginMode.ISOLATED, null),
            new Refused(Refusal.LEVERAGE_ABOVE_MAX, "ETH", null, 25));

    @Test
    void inEnglish_readsAsTheChatHasAlwaysShownIt() {
        assertThat(every).map(refused -> WatchedWhatIfRefusalText.of(refused, EN)).containsExactly(
                "no Hyperliquid market for BTC&lt;USDT&gt; known yet", "no Hyperliquid mark for ETH yet",
                "it holds ETH in cross mode there", "it holds ETH in isolated mode there",
                "Hyperliquid allows at most 25x on ETH");
    }

    @Test
    void inRussian_everyReasonHasItsOwnWords() {
        assertThat(WatchedWhatIfRefusalText.of(every.get(0), RU)).isEqualTo("рынок Hyperliquid для BTC&lt;USDT&gt; пока неизвестен");
        assertThat(WatchedWhatIfRefusalText.of(every.get(2), RU)).isEqualTo("там ETH в кросс-режиме");
        assertThat(WatchedWhatIfRefusalText.of(every.get(4), RU)).isEqualTo("Hyperliquid позволяет не больше 25x на ETH");
        for (Refused refused : every) {
            assertThat(WatchedWhatIfRefusalText.of(refused, RU)).doesNotContain("holds", "mode", "allows", "market");
        }
    }

    @Test
    void hyperliquidsSizeStep_isNamedInBothLanguages() {
        Refused offStep = new Refused(Refusal.OFF_SIZE_STEP, "ETH", null, null, new BigDecimal("0.0001"));
        Refused sumTooSmall = new Refused(Refusal.SUM_BELOW_SIZE_STEP, "ETH", null, null, new BigDecimal("0.0001"));

        assertThat(WatchedWhatIfRefusalText.of(offStep, EN)).isEqualTo("Hyperliquid sizes ETH in steps of 0.0001 ETH");
        assertThat(WatchedWhatIfRefusalText.of(sumTooSmall, EN))
                .isEqualTo("the sum buys less than Hyperliquid's 0.0001 ETH size step");
        assertThat(WatchedWhatIfRefusalText.of(offStep, RU)).isEqualTo("Hyperliquid принимает размер ETH с шагом 0,0001 ETH");
        assertThat(WatchedWhatIfRefusalText.of(sumTooSmall, RU)).startsWith("на эту сумму не купить даже 0,0001 ETH");
    }
}
