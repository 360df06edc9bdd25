package org.marginsentinel.adapter.telegram.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marginsentinel.adapter.telegram.insights.ChartRenderer;
import org.marginsentinel.adapter.telegram.fake.FakeTelegram;
import org.marginsentinel.adapter.telegram.fake.FakeTelegramResource;
import org.marginsentinel.adapter.telegram.fake.SentMessage;
import org.marginsentinel.testsupport.Conversation;
import org.marginsentinel.testsupport.InjectConversation;

/**
 * /trades and /pnl after a real round trip: 0.2 BTC long at 100,000, half closed at 101,000 (PnL +100), the rest at
 * 102,000 (PnL +200): average exit 101,500, all on one UTC day. The test profile has no taker fees; the fee sums are
 * PnlByDayTest's and TradingRecordTest's.
 */
@QuarkusTest
@WithTestResource(FakeTelegramResource.class)
class TradeHistoryConversationTest {

    private static final Instant START = Instant.parse("2033-02-10T08:00:00Z");

    @InjectConversation
    Conversation chat;

    private long trader;

    @BeforeEach
    void setUp() {
        chat.beginAt(START);
        btc("100000");
        trader = chat.newTrader();
    }

    @AfterEach
    void restoreClock() {
        chat.end();
    }

    private void btc(String mark) {
        chat.marks(Map.of("BTCUSDT", mark, "ETHUSDT", "3000"));
    }

    @Test
    void tradesAndPnl_afterARoundTrip_showWhatItBooked() throws IOException {
        assertThat(chat.say(trader, "/trades")).contains("No closed trades yet");
        assertThat(chat.say(trader, "/pnl")).contains("Nothing booked");
        chat.say(trader, "/long BTC 0.2 10x");
        btc("101000");
        assertThat(chat.say(trader, "/close 1 50%")).contains("Closed 0.1");
        btc("102000");
        FakeTelegram telegram = chat.telegram();
        telegram.userSays(trader, "/close 1");
        SentMessage question = telegram.awaitReplyTo(trader);
        telegram.press(trader, trader, question.messageId(), question.buttonData("Confirm"));
        assertThat(telegram.awaitEdit(trader, question.messageId()).plainText()).contains("Closed 0.1");

        String trades = chat.say(trader, "/trades");

        assertThat(trades).contains("#1 BTCUSDT LONG · closed")
                .contains("0.2 BTC · entry 100,000.00 → exit 101,500.00")
                .contains("PnL +300.00 · fees 0.00 · funding 0.00 · net +300.00");

        telegram.userSays(trader, "/pnl");
        FakeTelegram.PhotoUpload pnl = telegram.awaitPhotoTo(trader);
        assertThat(pnl.png()).isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(pnl.data())).getWidth()).isEqualTo(ChartRenderer.WIDTH);
        assertThat(pnl.caption()).contains("PnL, last 7 days (UTC days)")
                .contains("Net +300.00 USDT").contains("PnL +300.00 · fees 0.00")
                .contains("Thu Feb 10: <b>+300.00</b>");
        assertThat(chat.say(trader, "/pnl year")).contains("day, week or month");
        assertThat(chat.say(trader, "/trades 51")).contains("1 to 50");
    }
}
