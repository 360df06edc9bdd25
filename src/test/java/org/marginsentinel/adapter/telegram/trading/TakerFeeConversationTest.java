package org.marginsentinel.adapter.telegram.trading;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.InjectFakeTelegram;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * A round trip with Binance's real taker fee (0.05%; the other conversation tests run without fees, for round
 * figures): open, hold while the mark moves, close half, close the rest; every fee line and /balance against the
 * figures worked out by hand below.
 */
@QuarkusTest
@TestProfile(TakerFeeConversationTest.RealTakerFee.class)
@WithTestResource(FakeTelegramResource.class)
class TakerFeeConversationTest {

    /** The production default fee; the profile-specific key too, which the test profile sets to 0. */
    public static class RealTakerFee implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sentinel.paper.taker-fee-rate", "0.0005", "%test.sentinel.paper.taker-fee-rate", "0.0005");
        }
    }

    private static final Instant START = Instant.parse("2030-03-01T10:00:00Z");

    @InjectConversation
    Conversation chat;

    @InjectFakeTelegram
    FakeTelegram telegram;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        chat.marks(Map.of("BTCUSDT", "81341.20", "ETHUSDT", "2641.53"));
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    @Test
    void openHoldAndClose_payTheTakerFeeOnEveryFill_andBalanceAddsThemUp() {
        long trader = chat.newTrader();

        // open 0.2 BTC at 81,341.20: fee 0.2 × 81,341.20 × 0.05% = 8.13412
        String opened = chat.say(trader, "/long BTC 0.2 5x");
        assertThat(opened).contains("Opened at 81,341.20")
                .contains("Notional 16,268.24 USDT · margin 3,253.65 USDT at 5x · fee 8.13 USDT (taker, from the wallet)")
                .doesNotContain("net PnL");

        // hold: the mark rises; close half at 82,000: PnL 0.1 × 658.80 = 65.88, fee 0.1 × 82,000 × 0.05% = 4.10
        chat.marks(Map.of("BTCUSDT", "82000", "ETHUSDT", "2641.53"));
        String half = chat.say(trader, "/close 1 50%");
        // wallet 10,000 − 8.13412 + 65.88 − 4.10 = 10,053.64588
        assertThat(half).contains("Closed 0.1 at 82,000.00, PnL +65.88 USDT")
                .contains("Wallet: 10,053.65 USDT")
                .contains("Fee: 4.10 USDT (taker, from the wallet) · net PnL +61.78 USDT");

        // the rest at 83,000: PnL 0.1 × 1,658.80 = 165.88, fee 0.1 × 83,000 × 0.05% = 4.15
        chat.marks(Map.of("BTCUSDT", "83000", "ETHUSDT", "2641.53"));
        telegram.userSays(trader, "/close 1");
        SentMessage question = telegram.awaitReplyTo(trader);
        telegram.press(trader, trader, question.messageId(), question.buttonData("Confirm"));
        String closed = telegram.awaitEdit(trader, question.messageId()).plainText();
        // wallet 10,053.64588 + 165.88 − 4.15 = 10,215.37588
        assertThat(closed).contains("Closed 0.1 at 83,000.00, PnL +165.88 USDT")
                .contains("Wallet: 10,215.38 USDT")
                .contains("Fee: 4.15 USDT (taker, from the wallet) · net PnL +161.73 USDT");

        // fees paid 8.13412 + 4.10 + 4.15 = 16.38412; the round trip's gain 231.76 less them
        assertThat(chat.say(trader, "/balance")).contains("Wallet: 10,215.38 USDT")
                .contains("Fees paid: 16.38 USDT").contains("Withdrawable: 10,215.38 USDT");
    }

    @Test
    void stopLoss_executesAtTheMark_withItsTakerFee_andHistoryCountsBothFees() {
        long trader = chat.newTrader();
        // open 0.1 BTC at 81,341.20: fee 4.06706
        chat.say(trader, "/long BTC 0.1 10x");
        assertThat(chat.say(trader, "/sl 1 80000")).contains("stop-loss set · #1 BTCUSDT LONG at 80,000.00");

        // the mark falls through the stop: closed at 79,000, PnL 0.1 × −2,341.20 = −234.12, fee 0.1 × 79,000 × 0.05%
        chat.marks(Map.of("BTCUSDT", "79000", "ETHUSDT", "2641.53"));

        assertThat(chat.awaitNotice(trader, "stop-loss executed")).contains("closed at mark 79,000.00 (stop 80,000.00)")
                .contains("PnL −234.12 · taker fee 3.95 USDT · net −238.07 USDT");
        // wallet 10,000 − 4.06706 − 234.12 − 3.95 = 9,757.86294
        assertThat(chat.say(trader, "/balance")).contains("Wallet: 9,757.86 USDT");
        // fees 4.06706 + 3.95 = 8.01706; net −242.13706
        assertThat(chat.say(trader, "/trades")).contains("🛑 stop-loss")
                .contains("PnL −234.12 · fees −8.02 · funding 0.00 · net −242.14");
        telegram.userSays(trader, "/pnl day");
        assertThat(telegram.awaitPhotoTo(trader).caption()).contains("Net −242.14 USDT")
                .contains("PnL −234.12 · fees −8.02");
    }
}
