package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.application.port.InstrumentSteps;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * Loose input and clear orders, as a trader meets them: what is unclear is asked with buttons, nothing runs until one
 * is pressed, and every order says what it did (opened or added, notional, margin, fee).
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class ForgivingInputConversationTest {

    @InjectConversation
    Conversation chat;

    @InjectFakeTelegram
    FakeTelegram telegram;

    /** The instrument feed is off in tests: a test that needs a symbol's steps publishes them as the feed would. */
    @Inject
    Event<InstrumentSteps> instrumentSteps;

    private long trader;

    @BeforeEach
    void freshTraderAndPrices() {
        chat.begin();
        chat.marks(Map.of("BTCUSDT", "100000", "ETHUSDT", "2500", "SOLUSDT", "100"));
        trader = chat.newTrader();
    }

    @AfterEach
    void forgetTheSteps() {
        instrumentSteps.fire(new InstrumentSteps(Map.of())); // as the feed does when it stops
    }

    private SentMessage ask(String text) {
        telegram.userSays(trader, text);
        return telegram.awaitReplyTo(trader);
    }

    private String press(SentMessage question, String label) {
        telegram.press(trader, trader, question.messageId(), question.buttonData(label));
        return telegram.awaitEdit(trader, question.messageId()).plainText();
    }

    @Test
    void closeAll_listsEverythingOnce_thenClosesAllTogether() {
        chat.say(trader, "/long BTC 0.01 10x");
        chat.say(trader, "/short ETH 1 5x cross");
        chat.marks(Map.of("BTCUSDT", "101000", "ETHUSDT", "2450", "SOLUSDT", "100"));

        SentMessage question = ask("/close ALL");

        // BTC +10 (0.01 × 1,000), ETH +50 (1 × 50); the test profile pays no taker fee
        assertThat(question.plainText()).contains("Close all 2 positions at the mark?")
                .contains("#1 BTCUSDT LONG 0.01 at 101,000.00: PnL +10.00 USDT")
                .contains("#2 ETHUSDT SHORT 1 at 2,450.00: PnL +50.00 USDT")
                .contains("PnL +60.00 USDT, fees 0.00 USDT, net +60.00 USDT").contains("All close together, or none");
        assertThat(chat.say(trader, "/positions")).contains("#1 BTCUSDT").contains("#2 ETHUSDT");

        String done = press(question, "Confirm");

        assertThat(done).contains("Closed all 2 positions").contains("PnL +60.00 USDT");
        assertThat(chat.say(trader, "/positions")).contains("no open positions");
    }

    @Test
    void closeAmountThatCouldBeAPercentage_isAsked_withTwoButtons() {
        chat.say(trader, "/long SOL 500 10x");

        SentMessage question = ask("/close 1 25");

        assertThat(question.plainText()).contains("#1 SOLUSDT holds 500 SOL. Close 25% of it or 25 SOL?");
        assertThat(question.buttonLabels()).containsExactly("25%", "25 coins", "✖️ Cancel");
        assertThat(chat.say(trader, "/positions")).as("nothing closed before a press").contains("LONG 500");

        assertThat(press(question, "25%")).contains("Closed 125 at 100.000");
        assertThat(chat.say(trader, "/positions")).contains("LONG 375");
        assertThat(chat.say(trader, "/close 1 25 coins")).contains("Closed 25 at 100.000");
        assertThat(chat.say(trader, "/positions")).contains("LONG 350");
    }

    @Test
    void addingSaysAdded_aLeverageChangeIsAskedFirst_andUsdtSizesSayWhatTheyBought() {
        String opened = chat.say(trader, "/long btc 100 usdt 10x");
        assertThat(opened).contains("Opened at 100,000.00").contains("100.00 USDT notional = 0.001 BTC")
                .contains("Notional 100.00 USDT · margin 10.00 USDT at 10x · fee 0.00 USDT");

        String added = chat.say(trader, "/long BTC 0,001");
        assertThat(added).contains("Added 0.001 BTC at 100,000.00 → position 0.002 @ 100,000.00")
                .doesNotContain("Opened");

        SentMessage question = ask("/long BTC $100 20");
        assertThat(question.plainText()).contains("#1 BTCUSDT LONG is 10x")
                .contains("sets the whole position (0.003 BTC) to 20x").contains("Liq.");
        assertThat(chat.say(trader, "/positions")).as("nothing changed before Confirm").contains("LONG 0.002 · isolated 10x");

        assertThat(press(question, "Confirm")).contains("Added 0.001 BTC").contains("isolated 20x");
        assertThat(chat.say(trader, "/positions")).contains("LONG 0.003 · isolated 20x");
    }

    @Test
    void flip_keepsThePositionsNumber_soClosingItByNumberWorks() {
        chat.say(trader, "/long ETH 1 10x");

        String flipped = chat.say(trader, "/short ETH 3");

        assertThat(flipped).contains("Closed 1 at 2,500.00")
                .contains("🔄 #1 is now a SHORT: the LONG is closed, and the SHORT keeps its number.")
                .contains("#1 ETHUSDT SHORT 2");
        assertThat(chat.say(trader, "/close 1")).contains("Close #1 ETHUSDT SHORT 2 at the mark");
    }

    @Test
    void sizesKeepToTheExchangesStep_aUsdtSumRoundsDown_anOffStepSizeIsRefused() {
        instrumentSteps.fire(new InstrumentSteps(Map.of("BTCUSDT", InstrumentSteps.Steps.withMinimum(
                new BigDecimal("0.10"), new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("100")),
                "ETHUSDT", InstrumentSteps.Steps.withMinimum(new BigDecimal("0.01"), new BigDecimal("0.001"),
                        new BigDecimal("0.001"), new BigDecimal("20")))));

        // 150 / 100,000 = 0.0015 BTC → 0.001 BTC on Binance's 0.001 step: 100 USDT of notional, 5 USDT of margin at 20x
        String opened = chat.say(trader, "/long btc 150usdt 20x");
        assertThat(opened).contains("Opened at 100,000.0")
                .contains("150.00 USDT → 0.001 BTC (100.00 USDT), rounded down to the exchange's 0.001 BTC step")
                .contains("Notional 100.00 USDT · margin 5.00 USDT at 20x · fee 0.00 USDT");

        assertThat(chat.say(trader, "/long BTC 0.0015")).contains("0.0015 BTC is not a size BTCUSDT trades in:"
                + " the exchange takes steps of 0.001 BTC. The nearest are 0.001 and 0.002 BTC.");
        assertThat(chat.say(trader, "/long BTC $90")).contains("90.00 USDT buys less than the smallest BTCUSDT order:"
                + " 0.001 BTC, about 100.00 USDT at 100,000.0");
        assertThat(chat.say(trader, "/positions")).as("nothing changed").contains("#1 BTCUSDT LONG 0.001 ");
        assertThat(chat.say(trader, "/whatif long BTC 150usdt 20x")).as("/whatif sizes the order alike")
                .contains("150.00 USDT → 0.001 BTC (100.00 USDT), rounded down").contains("Position: LONG 0.002 · isolated 20x");
        assertThat(chat.say(trader, "/whatif long BTC 0.0015")).contains("The nearest are 0.001 and 0.002 BTC.");
        // Binance's ETHUSDT minimum order value: 0.005 × 2,500 = 12.50 USDT < 20; 20 / 2,500 = 0.008 ETH is enough
        assertThat(chat.say(trader, "/long ETH 0.005")).contains("The exchange's smallest ETHUSDT order is worth"
                + " 20.00 USDT; 0.005 ETH at 2,500.00 is 12.50 USDT. The smallest size that is enough: 0.008 ETH");

        long russian = telegram.newUser();
        telegram.userSpeaks(russian, "ru");
        chat.say(russian, "/start");
        assertThat(chat.say(russian, "/short BTC 0.0005")).contains("0,0005 BTC — такого размера у BTCUSDT нет:"
                + " биржа принимает шаг 0,001 BTC. Ближайший допустимый: 0,001 BTC.");
        assertThat(chat.say(russian, "/long ETH 0.005")).contains("Минимальный ордер ETHUSDT на бирже — от 20,00 USDT;"
                + " 0,005 ETH по цене ").contains("Достаточный размер: от 0,008 ETH");
    }

    @Test
    void nearMisses_offerTheCorrection_andRunItOnlyWhenPressed() {
        SentMessage command = ask("/lon BTC 0.01 20");
        assertThat(command.plainText()).contains("I don't know the command /lon. Did you mean /long?");
        assertThat(chat.say(trader, "/positions")).contains("no open positions");
        assertThat(press(command, "/long")).contains("Opened at 100,000.00").contains("LONG 0.01 · isolated 20x");

        SentMessage symbol = ask("/price BTCC");
        assertThat(symbol.plainText()).contains("I don't know BTCCUSDT. Did you mean BTC?");
        assertThat(press(symbol, "BTC")).contains("BTCUSDT mark: 100,000.00");

        SentMessage comma = ask("/deposit 1,000");
        assertThat(comma.buttonLabels()).containsExactly("1000", "1.000", "✖️ Cancel");
        assertThat(press(comma, "1000")).contains("Deposited 1,000.00 USDT");
    }
}
