package org.marginsentinel.adapter.telegram.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.prices.PriceFeed;
import org.marginsentinel.adapter.prices.fake.InjectPriceApi;
import org.marginsentinel.adapter.prices.fake.PriceApiFake;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.TelegramBot;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.application.risk.RiskMonitor;
import org.marginsentinel.testsupport.TestClock;

/**
 * Warnings a trader can trust, message in and reply out: an order's reply says where the position stands and no
 * warning repeats it; a warning recommends one action with buttons only its owner can use, once; a liquidation
 * notice carries no older warning about the same position.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class WarningActionsConversationTest {

    private static final Instant START = Instant.parse("2031-01-01T10:00:00Z");
    private static final AtomicInteger TESTS_RUN = new AtomicInteger();
    private static final Duration QUIET = Duration.ofMillis(800);

    @InjectFakeTelegram
    FakeTelegram telegram;

    @InjectPriceApi
    PriceApiFake priceApi;

    @Inject
    PriceFeed feed;

    @Inject
    TestClock clock;

    @Inject
    RiskMonitor monitor;

    @Inject
    TelegramBot bot;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private long trader;

    @BeforeEach
    void setUp() {
        priceApi.reset();
        feed.reset();
        circuitBreakers.resetAll();
        clock.freezeAt(START.plus(Duration.ofHours(3L * TESTS_RUN.getAndIncrement())));
        marks("80000", "2600");
        trader = telegram.newUser();
        say("/start");
    }

    @AfterEach
    void restoreClock() {
        clock.reset();
    }

    private void marks(String btc, String eth) {
        priceApi.servesBinanceMarks(Map.of("BTCUSDT", btc, "ETHUSDT", eth, "SOLUSDT", "110"));
        clock.advance(Duration.ofMinutes(1));
        feed.pollOnce();
    }

    private String say(String text) {
        telegram.userSays(trader, text);
        return telegram.awaitReplyTo(trader).plainText();
    }

    @Test
    void tenTimesLeverage_opensWithoutAWarning_andTheReplyStatesItsDistance() {
        String reply = say("/long BTC 0.1");   // default 10x at 80,000: liquidation about 9.6% away

        assertThat(reply).contains("Opened at 80,000").contains("liquidation 9.")
                .contains("away: inside your WARNING distance (10.00%)").contains("I'll warn you if it gets worse");

        marks("79950", "2600");                // the same level: the reply said it, no warning repeats it
        telegram.assertNoReplyTo(trader, QUIET);
        monitor.restartFromDatabase();         // the opening level is stored: a restart does not warn either
        marks("79900", "2600");
        telegram.assertNoReplyTo(trader, QUIET);

        marks("75500", "2600");                // worse than it was opened at: DANGER is warned
        assertThat(telegram.awaitReplyContaining(trader, "DANGER").plainText()).contains("#1 BTCUSDT LONG");
    }

    @Test
    void hundredTwentyFiveTimesLeverage_theReplyComesFirst_andSaysCritical() {
        String reply = say("/long BTC 0.1 125x");

        assertThat(reply).startsWith("🔴 CRITICAL from the start: liquidation ").contains("inside your CRITICAL distance")
                .contains("Opened at 80,000");
        marks("79990", "2600");
        telegram.assertNoReplyTo(trader, QUIET);
    }

    @Test
    void addingToAPosition_thatMakesItWorse_isToldInTheReply_notByAWarning() {
        say("/long BTC 0.1 5x");               // 20% away: safe
        telegram.userSays(trader, "/long BTC 0.3 20x");
        SentMessage question = telegram.awaitReplyTo(trader); // one leverage per symbol: the whole position goes 20x
        assertThat(question.plainText()).contains("sets the whole position (0.4 BTC) to 20x");
        telegram.press(trader, trader, question.messageId(), question.buttonData("Confirm"));
        String added = telegram.awaitEdit(trader, question.messageId()).plainText();

        assertThat(added).containsAnyOf("inside your WARNING distance", "DANGER:", "CRITICAL from the start");
        marks("79990", "2600");
        telegram.assertNoReplyTo(trader, QUIET);
    }

    // ---- one recommended action, with buttons that act once, for the owner only ----

    private SentMessage warningAt71000() {
        say("/long BTC 0.1 5x @80000");        // liquidation 64,257.03
        marks("71000", "2600");                 // 9.50% away: WARNING
        return telegram.awaitReplyContaining(trader, "WARNING");
    }

    @Test
    void warningButtons_addTheRecommendedMargin_onceAndOnlyForTheOwner() {
        SentMessage warning = warningAt71000();
        assertThat(warning.plainText()).containsOnlyOnce("👉").contains("Other remedies: /risk");
        assertThat(warning.buttonLabels()).contains("Close 25%", "Close 50%", "Close 100%", "😴 Snooze 1 h")
                .anyMatch(label -> label.startsWith("➕ Add ") && label.endsWith(" USDT margin"));
        String add = warning.buttonData("➕ Add");
        String amount = warning.buttonLabels().stream().filter(l -> l.startsWith("➕ Add ")).findFirst().orElseThrow()
                .replace("➕ Add ", "").replace(" margin", "");

        long intruder = telegram.newUser();
        assertThat(telegram.awaitCallbackAnswer(telegram.press(intruder, trader, warning.messageId(), add)).text())
                .contains("Only the trader this warning is for can use its buttons. Nothing was changed.");
        assertThat(say("/positions")).contains("Margin 1,600.00 USDT");

        assertThat(telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(), add))).isNotNull();
        String done = telegram.awaitEdit(trader, warning.messageId()).plainText();
        assertThat(done).startsWith("✅ Added " + amount + " to #1.").contains("outside your warning distance");
        assertThat(say("/positions")).doesNotContain("Margin 1,600.00 USDT");

        assertThat(telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(), add)).text())
                .contains("Already done");
        String positions = say("/positions");
        assertThat(positions).containsOnlyOnce("Margin ");
    }

    @Test
    void warningButtons_closeAsksToConfirm_andClosesThatShareOnce() {
        SentMessage warning = warningAt71000();

        telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(), warning.buttonData("Close 50%")));
        SentMessage question = telegram.awaitEdit(trader, warning.messageId());
        assertThat(question.plainText()).startsWith("Close 50% of #1 BTCUSDT LONG at the mark (now 71,000.00)?");
        assertThat(question.buttonLabels()).containsExactly("✅ Confirm", "✖️ Cancel");
        assertThat(say("/positions")).contains("#1 BTCUSDT LONG 0.1 ");

        telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(), question.buttonData("Confirm")));
        assertThat(telegram.awaitEdit(trader, warning.messageId()).plainText()).startsWith("✅ Closed 0.05 at 71,000.00");
        assertThat(say("/positions")).contains("#1 BTCUSDT LONG 0.05 ");

        assertThat(telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(),
                warning.buttonData("Close 100%"))).text()).contains("Already done");
        assertThat(say("/positions")).contains("#1 BTCUSDT LONG 0.05 ");
    }

    @Test
    void warningButtons_expireAfterFiveMinutes_andChangeNothing() {
        SentMessage warning = warningAt71000();

        clock.advance(Duration.ofMinutes(6));
        assertThat(telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(),
                warning.buttonData("Snooze"))).text()).contains("These buttons expired");
        assertThat(say("/alerts")).doesNotContain("snoozed");
    }

    @Test
    void aRussianSpeakingTrader_isWarnedInRussian_withRussianButtonsAndNumbers() {
        telegram.userSpeaks(trader, "ru");
        say("/long BTC 0.1 5x @80000");        // liquidation 64,257.03
        assertThat(say("/alert BTC < 75000")).startsWith("🔔 Алерт установлен: BTCUSDT < 75\u00A0000,00 (марк сейчас "
                + "80\u00A0000,00).");
        marks("71000", "2600");                 // 9.50% away: WARNING; the alert fires too, in either order

        SentMessage warning = telegram.awaitReplyTo(trader);
        String notices = warning.plainText();
        if (!notices.contains("ВНИМАНИЕ") || !notices.contains("Алерт сработал")) {
            SentMessage next = telegram.awaitReplyTo(trader);
            notices += "\n" + next.plainText();
            warning = warning.plainText().contains("ВНИМАНИЕ") ? warning : next;
        }
        assertThat(notices).contains("🔔 BTCUSDT < 75\u00A0000,00: марк-цена 71\u00A0000,00. Алерт сработал один раз "
                + "и удалён; новый — через /alert.");
        assertThat(warning.plainText()).startsWith("🟡 ВНИМАНИЕ · #1 BTCUSDT ЛОНГ 0,1 (изолированная, 5x)")
                .contains("Марк 71\u00A0000,00 · ликвидация 64\u00A0257,03 · до неё 9,50%")
                .contains("👉 Добавьте ", " USDT маржи (ликвидация сдвинется к ", "Другие варианты: /risk")
                .doesNotContain("WARNING", "Add ", "away");
        assertThat(warning.buttonLabels()).contains("Закрыть 25%", "Закрыть 50%", "Закрыть 100%", "😴 Пауза 1 ч")
                .anyMatch(label -> label.matches("➕ Добавить [0-9\u00A0]+,\\d\\d USDT маржи"));

        telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(),
                warning.buttonData("Закрыть 50%")));
        SentMessage question = telegram.awaitEdit(trader, warning.messageId());
        assertThat(question.plainText())
                .isEqualTo("Закрыть 50% позиции #1 BTCUSDT ЛОНГ по марк-цене (сейчас 71\u00A0000,00)?");
        telegram.awaitCallbackAnswer(telegram.press(trader, trader, warning.messageId(), question.buttonData("✅")));
        assertThat(telegram.awaitEdit(trader, warning.messageId()).plainText())
                .startsWith("✅ Закрыто 0,05 по 71\u00A0000,00").contains("Ещё открыто:", "Кошелёк: ");
    }

    // ---- nothing stale ----

    @Test
    void liquidationNotice_carriesNoOlderWarningAboutThatPosition_andNoneFollowsIt() {
        say("/long BTC 0.1 5x @80000");        // liquidation 64,257.03
        bot.stop();                             // Telegram unreachable: what the watch says waits in the outbox
        marks("67000", "2600");                 // DANGER queued
        marks("64000", "2600");                 // liquidated: the queued DANGER is stale now
        bot.start();

        String liquidated = telegram.awaitReplyContaining(trader, "LIQUIDATED").plainText();
        assertThat(liquidated).contains("#1 BTCUSDT LONG").doesNotContain("DANGER").doesNotContain("Add ");
        telegram.assertNoReplyTo(trader, QUIET);
        assertThat(telegram.sentTo(trader)).noneMatch(m -> m.plainText().contains("DANGER"));
    }
}
