package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;

/** A Russian-speaking user is answered in Russian from the first message, and /lang changes it for good. */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class LanguageE2ETest {

    @InjectFakeTelegram
    FakeTelegram telegram;

    @Test
    void aUserWhoseTelegramIsInRussian_getsHelpAndLessonsInRussian() {
        long user = telegram.newUser();
        telegram.userSpeaks(user, "ru");

        telegram.userSays(user, "/help");
        String help = telegram.awaitReplyTo(user).plainText();
        assertThat(help).startsWith("Команды Margin Sentinel")
                .contains("/long – Открыть лонг или добавить к нему", "напр. /long BTC 0.01 20x")
                .doesNotContain("List every command");

        telegram.userSays(user, "/learn cross");
        // /help may take two messages (split at Telegram's 4,096 characters): the lesson is the next one after them
        assertThat(telegram.awaitReplyContaining(user, "Кросс-маржа").plainText()).startsWith("🌊 Кросс-маржа")
                .contains("Все кросс-позиции берут из одного пула");

        telegram.userSays(user, "/learn swaps");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Урока «swaps» у меня нет")
                .contains("isolated, cross, odds");
    }

    @Test
    void lang_choosesForGood_overTelegramsLanguage_andLangAloneSaysWhich() {
        long user = telegram.newUser();
        telegram.userSpeaks(user, "ru");

        telegram.userSays(user, "/lang en");
        assertThat(telegram.awaitReplyTo(user).plainText())
                .isEqualTo("Done: I answer you in English from now on, warnings included.");
        telegram.userSays(user, "/help");
        assertThat(telegram.awaitReplyTo(user).plainText()).startsWith("Margin Sentinel commands");

        telegram.userSays(user, "/lang");
        assertThat(telegram.awaitReplyTo(user).plainText()).startsWith("I answer you in English.")
                .contains("/lang ru Русский");

        telegram.userSays(user, "/lang русский");
        assertThat(telegram.awaitReplyTo(user).plainText())
                .isEqualTo("Готово: теперь я отвечаю вам на языке Русский, включая предупреждения.");
        telegram.userSpeaks(user, "en"); // the app's language changes later: the choice stands
        telegram.userSays(user, "/help price");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Текущая марк-цена символа", "Пример: /price BTC");
    }

    @Test
    void anUnknownLanguage_isRefusedInTheUsersLanguage_andChangesNothing() {
        long user = telegram.newUser();
        telegram.userSpeaks(user, "ru");

        telegram.userSays(user, "/lang klingon");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Я говорю по-английски и по-русски");
        telegram.userSays(user, "/help");
        assertThat(telegram.awaitReplyTo(user).plainText()).startsWith("Команды Margin Sentinel");
    }

    @Test
    void warningSettings_areExplainedAndRefusedInRussian_withTheSameNumbers() {
        long user = telegram.newUser();
        telegram.userSpeaks(user, "ru");

        telegram.userSays(user, "/alerts isolated 15% 7% 3%");
        assertThat(telegram.awaitReplyTo(user).plainText()).startsWith("✅ Сохранено.")
                .contains("Предупреждения включены", "внимание ≤ 15,00%, опасность ≤ 7,00%, критично ≤ 3,00%");
        telegram.userSays(user, "/quiet 23-07");
        assertThat(telegram.awaitReplyTo(user).plainText()).startsWith("🌙 Тихие часы 23:00–07:00 UTC каждый день.");
        telegram.userSays(user, "/snooze forever");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("«forever» — не длительность. Напишите 30m или 2h.")
                .contains("/snooze <30m|2h|off>");
        telegram.userSays(user, "/alerts");
        assertThat(telegram.awaitReplyTo(user).plainText()).contains("Тихие часы 23–07 UTC")
                .doesNotContain("Отложены");
    }

    @Test
    void everyMenu_isPublishedInEveryLanguage() {
        assertThat(telegram.commandMenu("default", "ru")).containsEntry("price", "Текущая марк-цена символа")
                .containsKeys("start", "long", "lang", "help");
        assertThat(telegram.commandMenu("all_group_chats", "ru")).containsKeys("board", "price", "lang")
                .doesNotContainKey("long");
        assertThat(telegram.commandMenu()).containsEntry("price", "The current mark price of a symbol");
    }
}
