package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.application.insight.ChartHistory;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * A Russian-speaking trader's day in Russian: the group's risk board, /stress, /whatif, /compare and /chart on an open
 * position, then /trades and /pnl once it is closed, every number written the Russian way (no-break space groups,
 * decimal comma), every date with Russian day and month names and every side in Russian (ЛОНГ). The test profile charges no taker fees.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class RussianInsightsE2ETest {

    private static final Instant START = Instant.parse("2034-03-07T08:00:00Z"); // a Tuesday
    private static final String AT = "@" + FakeTelegram.BOT_USERNAME;
    /** Russian groups digits with a no-break space. */
    private static final char NBSP = '\u00A0';

    @InjectConversation
    Conversation chat;

    @Inject
    ChartHistory history;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        btc("100000");
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    private void btc(String mark) {
        chat.marks(Map.of("BTCUSDT", mark, "ETHUSDT", "3000"));
    }

    @Test
    void boardStressWhatIfTradesAndPnl_inRussian_withRussianNumbersAndDates() {
        FakeTelegram telegram = chat.telegram();
        long dima = telegram.newUser();
        telegram.nameUser(dima, "Дима");
        telegram.userSpeaks(dima, "ru");
        chat.say(dima, "/start");
        chat.say(dima, "/long BTC 0.1 5x");

        long group = telegram.newGroup();
        assertThat(chat.sayInGroup(dima, group, "/share" + AT + " on")).startsWith("✅ Теперь вы делитесь риском");
        SentMessage board = inGroup(telegram, dima, group, "/board" + AT);
        assertThat(board.plainText()).startsWith("📋 Доска рисков · обновлено 08:")
                .containsPattern("Дима: BTCUSDT ЛОНГ 5x изолир\\. · \\d{1,2},\\d\\d% до ликв\\.")
                .contains("Показаны только те, кто отправил /share on.").doesNotContain("Risk board");
        assertThat(board.buttonLabels()).containsExactly("🔄 Обновить");

        assertThat(chat.say(dima, "/stress -10")).startsWith("🧪 Стресс-тест: все цены −10,00%")
                .contains("#1 BTCUSDT ЛОНГ изолир. 5x · " + ru("100 000,00 → 90 000,00") + " · PnL "
                        + ru("−1 000,00") + " USDT")
                .contains("✅ выживает", "Выдержит ход против себя до", "Ликвидаций не будет.")
                .endsWith("Расчёт «что если» по текущим ценам: ничего не изменено.");

        assertThat(chat.say(dima, "/whatif long BTC 0.1 10x")).startsWith("🔮 Что если: ЛОНГ BTCUSDT по "
                        + ru("100 000,00") + " (ничего не открыто)")
                .contains("Позиция: ЛОНГ 0,2 · изолир.", "Цена ликвидации: ", "Худший случай: ",
                        "Коэффициент кросс-маржи: ", "Доступно: ")
                .endsWith("Чтобы сделать: /long BTC 0.1 10x");

        assertThat(chat.say(dima, "/compare")).contains("#1 BTCUSDT ЛОНГ 0,1 5x · сейчас изолир.")
                .doesNotContain("LONG");
        btc("100500");
        btc("100200");
        history.flush();
        telegram.userSays(dima, "/chart 1");
        assertThat(telegram.awaitPhotoTo(dima).caption()).startsWith("📈 <b>#1 BTCUSDT ЛОНГ</b> · марк ");

        btc("101000");
        telegram.userSays(dima, "/close 1");
        SentMessage question = telegram.awaitReplyTo(dima);
        telegram.press(dima, dima, question.messageId(), question.buttons().get(0).get(0).callbackData());
        telegram.awaitEdit(dima, question.messageId());

        assertThat(chat.say(dima, "/trades")).startsWith("Последние закрытые сделки: 1 (сначала новые, время UTC)")
                .contains("#1 BTCUSDT ЛОНГ · закрыта · 7 мар. 08:")
                .contains("0,1 BTC · вход " + ru("100 000,00") + " → выход " + ru("101 000,00") + " · держали ")
                .contains("PnL +100,00 · комиссии 0,00 · фандинг 0,00 · итого +100,00");

        telegram.userSays(dima, "/pnl");
        FakeTelegram.PhotoUpload pnl = telegram.awaitPhotoTo(dima);
        assertThat(pnl.png()).isTrue();
        assertThat(pnl.caption()).contains("PnL, последние 7 дней (дни по UTC)", "<b>Итого +100,00 USDT</b>",
                "PnL +100,00 · комиссии 0,00 · фандинг 0,00 · ликвидации 0,00", "вт, 7 мар.: <b>+100,00</b>");
    }

    private static SentMessage inGroup(FakeTelegram telegram, long user, long group, String text) {
        telegram.userSaysInGroup(user, group, text);
        return telegram.awaitReplyTo(group);
    }

    /** {@code text} with its digit groups joined by a no-break space, as Russian writes them. */
    private static String ru(String text) {
        return text.replaceAll("(?<=\\d) (?=\\d)", String.valueOf(NBSP));
    }
}
