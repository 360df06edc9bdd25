package org.marginsentinel.adapter.telegram.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.marginsentinel.testsupport.RussianReplies.englishWordsIn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.command.CommandSpec;
import org.marginsentinel.adapter.telegram.command.CommandTable;
import org.marginsentinel.adapter.telegram.fake.Eventually;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * A Russian-speaking trader's whole day with the bot, as issue #15 lists it, in Russian from the first reply to the
 * last: loose input, adding, /close all, the percentage question, price alerts, stops (one that can never fire, one
 * that executes on the mark), /pnl, /trades, /chart right after opening, the group's /help and board; then every
 * command's own example from the command table. Each reply is checked for English words left in it
 * ({@link org.marginsentinel.testsupport.RussianReplies}). Russian numbers: no-break space groups, decimal comma.
 * The test profile charges no taker fees.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class RussianTradersDayE2ETest {

    private static final Instant START = Instant.parse("2035-09-04T09:00:00Z");
    private static final String AT = "@" + FakeTelegram.BOT_USERNAME;
    private static final char NBSP = '\u00A0';

    @InjectConversation
    Conversation chat;

    private FakeTelegram telegram;
    private long trader;
    /** Each reply that held English words, with the words: asserted empty at the end, so one run shows them all. */
    private final Map<String, List<String>> english = new LinkedHashMap<>();
    private final int burst = ConfigProvider.getConfig().getValue("sentinel.telegram.user-burst", Integer.class);
    private final double rate = ConfigProvider.getConfig().getValue("sentinel.telegram.user-rate", Double.class);
    /** The commands the trader may still send at once, as the bot's flood limit counts them (see {@link #paced()}). */
    private double tokens = burst - 2;
    private long lastCommand = System.nanoTime();

    @BeforeEach
    void aFundedRussianSpeakingTrader() {
        chat.beginAt(START);
        marks("100000", "3000", "100");
        telegram = chat.telegram();
        trader = telegram.newUser();
        telegram.nameUser(trader, "Вера");
        telegram.userSpeaks(trader, "ru");
        paced();
        check(chat.say(trader, "/start"));
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    private void marks(String btc, String eth, String sol) {
        chat.marks(Map.of("BTCUSDT", btc, "ETHUSDT", eth, "SOLUSDT", sol));
    }

    @Test
    void aTradersDay_isInRussianThroughout() {
        // forgiving input: "100 usdt" is notional, x20 the leverage; then a decimal comma adds to the position
        assertThat(say("/long btc 100 usdt x20")).contains(ru("✅ Открыта по 100 000,00"))
                .contains("100,00 USDT номинала = 0,001 BTC").contains("Номинал 100,00 USDT · маржа 5,00 USDT при 20x");
        assertThat(say("/long BTC 0,001")).contains(ru("✅ Добавлено 0,001 BTC по 100 000,00 → позиция 0,002 @ 100 000,00"))
                .doesNotContain("Открыта");
        SentMessage symbol = ask("/price BTCC");
        assertThat(check(symbol.plainText())).contains("Не знаю BTCCUSDT. Вы имели в виду BTC?");
        assertThat(press(symbol, "BTC")).contains(ru("100 000,00"));

        // a chart right after opening: the exchange's minute candles fill the hours the bot has not sampled
        List<String> closes = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            closes.add(String.valueOf(99_000 + minute * 8));
        }
        chat.priceApi().servesBinanceMinuteKlines("BTCUSDT", chat.clock().instant(), closes);
        paced();
        telegram.userSays(trader, "/chart BTC");
        assertThat(check(telegram.awaitPhotoTo(trader).caption())).contains("#1 BTCUSDT")
                .contains(ru("марк 100 000,00 · вход 100 000,00"));
        assertThat(chat.priceApi().binanceMinuteKlineRequestCount("BTCUSDT")).as("backfilled").isPositive();

        // 0.002 BTC at 20x: margin 10, liquidation (200 − 10) / (0.002 × 0.996) = 95,381.53
        assertThat(say("/sl 1 90000")).contains("стоп-лосс установлен")
                .contains(ru("никогда не сработает: раньше наступит ликвидация на 95 381,53"));
        assertThat(say("/positions")).contains(ru("SL 90 000,00 ⚠️ никогда не сработает"));
        assertThat(say("/tp 1 110000")).contains("тейк-профит установлен");

        // a bare 25 on a 400-coin position: asked, 25% or 25 coins
        say("/short SOL 400 5x");
        SentMessage amount = ask("/close 2 25");
        assertThat(check(amount.plainText())).contains("В #2 SOLUSDT 400 SOL. Закрыть 25% от неё или 25 SOL?");
        assertThat(amount.buttonLabels()).containsExactly("25%", "25 шт.", "✖️ Отмена");
        assertThat(press(amount, "25%")).contains("✅ Закрыто 100 по 100");
        assertThat(say("/close 9")).contains("У вас нет открытой позиции #9.")
                .contains("Синтаксис: /close <#|символ|all> [<процент>%|<количество> [coins]]");

        // a stop-loss executes on the mark: 300 SOL short from 100 stopped at 106, −6 × 300 = −1,800
        assertThat(say("/sl 2 105")).contains("стоп-лосс установлен");
        marks("100000", "3000", "106");
        assertThat(notice("Стоп-лосс сработал")).contains("закрыто по марк-цене 106")
                .contains(ru("PnL −1 800,00"));

        // price alerts: set, listed, deleted, and one fires once on the mark
        assertThat(say("/alert BTC < 90000")).contains(ru("Алерт установлен: BTCUSDT < 90 000,00"))
                .contains(ru("марк сейчас 100 000,00"));
        assertThat(say("/alert eth>4000")).contains(ru("ETHUSDT > 4 000,00"));
        assertThat(say("/alert")).contains(ru("1. BTCUSDT < 90 000,00")).contains(ru("2. ETHUSDT > 4 000,00"));
        assertThat(say("/alert del 2")).contains(ru("Алерт ETHUSDT > 4 000,00 удалён."));

        // the group: its /help lists only what works there, its board in Russian
        long group = telegram.newGroup();
        String help = inGroup(group, "/help" + AT);
        assertThat(help).startsWith("Команды Margin Sentinel").contains("/board –").doesNotContain("/long –");
        assertThat(inGroup(group, "/share" + AT + " on")).startsWith("✅ Теперь вы делитесь риском");
        assertThat(inGroup(group, "/board" + AT)).startsWith("📋 Доска рисков").contains("Вера: BTCUSDT");
        telegram.makeAdmin(group, trader);
        assertThat(inGroup(group, "/groupalerts" + AT + " on")).startsWith("🔔 Групповые оповещения включены")
                .contains("доходит до уровня «КРИТИЧНО» или ликвидирован");

        // /close all: one question listing what closes, then all together
        say("/short ETH 1 5x cross");
        marks("101000", "2950", "106");
        SentMessage all = ask("/close all");
        assertThat(check(all.plainText())).contains("Закрыть все позиции (2) по марк-цене?")
                .contains(ru("#1 BTCUSDT")).contains(ru("0,002 по 101 000,00: PnL +2,00 USDT"))
                .contains("ETHUSDT").contains(ru("1 по 2 950,00: PnL +50,00 USDT"))
                .contains("Закроются все вместе или ни одна.");
        assertThat(press(all, "Подтвердить")).contains("Закрыты все позиции (2)").contains("PnL +52,00 USDT");

        marks("89000", "2950", "106");
        assertThat(notice("BTCUSDT < 90")).contains(ru("марк-цена 89 000,00")).contains("сработал один раз");

        assertThat(say("/trades")).startsWith("Последние закрытые сделки").contains("стоп-лосс")
                .contains(ru("вход 100 000,00 → выход 101 000,00"));
        paced();
        telegram.userSays(trader, "/pnl");
        assertThat(check(telegram.awaitPhotoTo(trader).caption())).contains("PnL, последние 7 дней")
                .contains(ru("Итого −1 748,00 USDT")); // −1,800 + 2 + 50

        checkEverythingSentTo(trader); // the warnings and notices the day brought, and every button
        checkEverythingSentTo(group);
        assertThat(english).as("replies to a Russian reader with English words in them").isEmpty();
    }

    @Test
    void everyCommandsExample_answersInRussian() {
        List<String> closes = new ArrayList<>();
        for (int minute = 0; minute < 120; minute++) {
            closes.add(String.valueOf(99_000 + minute * 8));
        }
        chat.priceApi().servesBinanceMinuteKlines("BTCUSDT", chat.clock().instant(), closes);
        for (CommandSpec command : CommandTable.ALL) {
            if (command == CommandTable.WATCH) {
                continue; // watches a real exchange account: its replies are the watch helpers' (WatchHyperliquidE2ETest)
            }
            check(command.example(), answer(command.example()));
        }
        checkEverythingSentTo(trader);
        assertThat(english).as("replies to a Russian reader with English words in them").isEmpty();
    }

    /** The answer to {@code text}, a message or (/chart, /pnl) a picture's caption. */
    private String answer(String text) {
        int messages = telegram.sentTo(trader).size();
        long photos = photosTo(trader);
        paced();
        telegram.userSays(trader, text);
        Eventually.until("an answer to " + text,
                () -> telegram.sentTo(trader).size() > messages || photosTo(trader) > photos);
        return photosTo(trader) > photos ? telegram.awaitPhotoTo(trader).caption()
                : telegram.awaitReplyTo(trader).plainText();
    }

    private long photosTo(long chatId) {
        return telegram.photos().stream().filter(photo -> photo.chatId() == chatId).count();
    }

    private String say(String text) {
        paced();
        return check(text, chat.say(trader, text));
    }

    private SentMessage ask(String text) {
        paced();
        telegram.userSays(trader, text);
        return telegram.awaitReplyTo(trader);
    }

    private String press(SentMessage question, String label) {
        paced();
        telegram.press(trader, trader, question.messageId(), question.buttonData(label));
        return check(label, telegram.awaitEdit(trader, question.messageId()).plainText());
    }

    private String notice(String fragment) {
        return check(fragment, chat.awaitNotice(trader, fragment));
    }

    private String inGroup(long group, String text) {
        paced();
        return check(text, chat.sayInGroup(trader, group, text));
    }

    /**
     * Waits, when needed, so that the trader never trips the bot's flood limit (a burst of commands, then a few a
     * second: sentinel.telegram.user-burst and user-rate): a day of some thirty commands is more than one burst.
     * On a loaded machine the replies themselves take long enough, and it never waits.
     */
    private void paced() {
        long now = System.nanoTime();
        tokens = Math.min(burst - 2, tokens + (now - lastCommand) / 1e9 * rate);
        if (tokens < 1) {
            long wait = (long) Math.ceil((1 - tokens) / rate * 1000);
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = System.nanoTime();
            tokens = 1;
        }
        tokens -= 1;
        lastCommand = now;
    }

    private void checkEverythingSentTo(long chatId) {
        for (SentMessage message : telegram.sentTo(chatId)) {
            check("sent to " + chatId, message.plainText());
            message.buttonLabels().forEach(label -> check("a button", label));
        }
    }

    private String check(String reply) {
        return check("", reply);
    }

    private String check(String after, String reply) {
        List<String> words = englishWordsIn(reply);
        if (!words.isEmpty()) {
            english.put(after + " → " + reply, words);
        }
        return reply;
    }

    /** {@code text} with its digit groups joined by a no-break space, as Russian writes them. */
    private static String ru(String text) {
        return text.replaceAll("(?<=\\d) (?=\\d)", String.valueOf(NBSP));
    }
}
