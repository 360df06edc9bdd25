package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.CallbackAnswer;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * A trader whose Telegram speaks Russian is refused in Russian (the adapter's own refusals and the application's,
 * their numbers written the Russian way), and the dispatcher's words, the question about an ambiguous comma and
 * the Confirm / Cancel buttons are Russian too.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class RefusalsInRussianE2ETest {

    private static final String NBSP = "\u00A0";

    @InjectConversation
    Conversation chat;

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Test
    void badInput_isRefusedInRussian_andTheQuestionsButtonsAreRussian() {
        chat.begin();
        chat.marks(Map.of("BTCUSDT", "81341.20", "ETHUSDT", "2641.53"));
        long trader = telegram.newUser();
        telegram.userSpeaks(trader, "ru");
        chat.say(trader, "/start");

        assertThat(chat.say(trader, "/long BTC 0.01 200x"))
                .startsWith("⚠️ Плечо должно быть от 1x до 125x.").contains("Синтаксис: /long");
        assertThat(chat.say(trader, "/long QWERTY 0.01"))
                .contains("Я не знаю QWERTYUSDT. Используйте бессрочный USDT-контракт");
        // 1 BTC at 2x: 40,670.60 of margin, more than the 10,000 the account holds; the Russian way of writing it
        assertThat(chat.say(trader, "/long BTC 1 2x")).startsWith("⚠️ Недостаточно доступного баланса: нужно 40"
                + NBSP + "670,60 USDT маржи").contains("Уменьшите размер, увеличьте плечо или сделайте /deposit.");
        assertThat(chat.say(trader, "/balance")).as("nothing opened").doesNotContain("BTCUSDT");
        assertThat(chat.say(trader, "/lon BTC")).contains("Я не знаю команду /lon.")
                .contains("Может быть, вы имели в виду /long");
        assertThat(chat.say(trader, "/long BTC 1,000"))
                .isEqualTo("🤔 1,000 как размер: запятая разделяет тысячи (1000) или это десятичная запятая (1.000)?");
        assertThat(chat.say(trader, "привет")).isEqualTo("Я понимаю только команды. Отправьте /help, чтобы их увидеть.");
        assertThat(chat.say(trader, "/close 7")).contains("У вас нет открытой позиции #7. Смотрите /positions.");

        chat.say(trader, "/long BTC 0.01 10x");
        telegram.userSays(trader, "/close 1");
        SentMessage question = telegram.awaitReplyTo(trader);
        assertThat(question.buttonLabels()).containsExactly("✅ Подтвердить", "✖️ Отмена");
        CallbackAnswer cancelled = telegram.awaitCallbackAnswer(
                telegram.press(trader, trader, question.messageId(), question.buttonData("Отмена")));
        assertThat(cancelled.text()).isEqualTo("Отменено.");
        assertThat(telegram.awaitEdit(trader, question.messageId()).plainText())
                .isEqualTo("✖️ Отменено. Ничего не изменено.");
        CallbackAnswer again = telegram.awaitCallbackAnswer(
                telegram.press(trader, trader, question.messageId(), question.buttonData("Подтвердить")));
        assertThat(again.text()).isEqualTo("На этот вопрос уже ответили.");
    }
}
