package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * A trader whose Telegram is in Russian trades on paper in Russian from /start to /close: every reply in Russian
 * words, every number as Russian writes it ("10 000,00" with a no-break space, a decimal comma). Fees are 0 in tests.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class RussianTradingConversationTest {

    /** The no-break space Russian groups digits with, so a number never wraps. */
    private static final String NBSP = "\u00A0";

    @InjectConversation
    Conversation chat;

    @InjectFakeTelegram
    FakeTelegram telegram;

    private long trader;

    @BeforeEach
    void aRussianSpeakingTrader() {
        chat.begin();
        chat.marks(Map.of("BTCUSDT", "81341.20"));
        trader = telegram.newUser();
        telegram.nameUser(trader, "Алиса");
        telegram.userSpeaks(trader, "ru");
    }

    private static String ru(String text) {
        return text.replace("_", NBSP);
    }

    @Test
    void startLongPositionsRiskBalanceAndClose_allInRussian() {
        assertThat(chat.say(trader, "/start")).startsWith("👋 Добро пожаловать, Алиса!")
                .contains(ru("На вашем бумажном фьючерсном счёте 10_000,00 USDT.")).contains("/long BTC 0.01");

        // 0.2 BTC at 80,000, 10x isolated: margin 1,600; liquidation (16,000 − 1,600) / (0.2 × 0.996) = 72,289.16,
        // 11.13% under the mark of 81,341.20: outside the default warning distance of 10%
        String opened = chat.say(trader, "/long BTC 0.2 10x @80000");
        assertThat(opened).contains(ru("✅ Открыта по 80_000,00"))
                .contains("#1 BTCUSDT ЛОНГ 0,2 · изолированная 10x")
                .contains(ru("Маржа 1_600,00 USDT")).contains(ru("Ликв. 72_289,16 · до неё 11,13%"))
                .contains(ru("Номинал 16_000,00 USDT · маржа 1_600,00 USDT при 10x"))
                .contains("🟢 до ликвидации 11,13%: за пределами вашего порога «внимание» (10,00%).")
                .doesNotContain("Opened", "Liq.", "away");

        // mark 81,341.20 − entry 80,000 = 1,341.20 × 0.2 = +268.24
        assertThat(chat.say(trader, "/positions")).contains(ru("Вход 80_000,00 · Марк 81_341,20"))
                .contains("PnL +268,24 USDT").contains("Закрыть: /close <#> [процент%]");

        assertThat(chat.say(trader, "/risk")).startsWith("🛡 Сводка риска")
                .contains("Кросс-позиций нет").contains("Изолированные позиции")
                .contains(ru("• #1 BTCUSDT ЛОНГ · Ликв. 72_289,16 · до неё 11,13%")).contains("🟢 безопасно")
                .contains(ru("Капитал 10_268,24 USDT"));

        assertThat(chat.say(trader, "/balance")).startsWith("💼 Бумажный счёт")
                .contains(ru("Кошелёк: 10_000,00 USDT")).contains("Нереализованный PnL: +268,24 USDT")
                .contains(ru("Маржа в позициях: 1_600,00 USDT")).contains(ru("Доступно: 8_400,00 USDT"));

        assertThat(chat.say(trader, "/close 1 50%")).contains(ru("✅ Закрыто 0,1 по 81_341,20, PnL +134,12 USDT."))
                .contains("Ещё открыто:");
        telegram.userSays(trader, "/close BTC");
        SentMessage question = telegram.awaitReplyTo(trader);
        assertThat(question.plainText()).startsWith(ru("Закрыть #1 BTCUSDT ЛОНГ 0,1 по марк-цене (сейчас 81_341,20, "
                + "PnL около +134,12 USDT)?"));
        telegram.press(trader, trader, question.messageId(), question.buttonData("✅"));
        assertThat(telegram.awaitEdit(trader, question.messageId()).plainText())
                .contains(ru("Закрыто 0,1 по 81_341,20, PnL +134,12 USDT.")).contains(ru("Кошелёк: 10_268,24 USDT"));
        assertThat(chat.say(trader, "/positions")).startsWith("Открытых позиций нет.");
    }
}
